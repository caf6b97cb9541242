// GitHub code scanning's primaryLocationLineHash, computed exactly as github/codeql-action
// (src/fingerprints.ts) does, so that API uploads keep alerts stable and upload-sarif agrees
// with the values we write.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sagelint {

// One "hash:occurrence" string per line of `text` (UTF-8, decoded as Node does: a BOM is a
// character, invalid bytes become U+FFFD). Lines end at "\r\n", "\r" or "\n"; a text that
// ends with a line break has one more, empty, line.
std::vector<std::string> line_hashes(std::string_view text);

}  // namespace sagelint
