// Asks the kernel to back a large buffer with huge pages, where it can.
#pragma once

#include <cstddef>

namespace sagelint {

// Reading an 85 MB export into memory and building its tree touches some 50,000 fresh 4 KiB
// pages, and the page faults cost a fifth of the run. Transparent huge pages (when the system
// enables them on request, as Debian does) cut that to a few hundred. A hint only: it changes
// no contents, and does nothing for small buffers or on other systems.
void advise_huge_pages(const void* data, std::size_t bytes);

}  // namespace sagelint
