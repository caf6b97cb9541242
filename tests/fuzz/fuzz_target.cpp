// The libFuzzer main of every target: CMake builds this file once per target, naming its
// entry (fuzz_entry.hpp) in SAGELINT_FUZZ_TARGET, so the targets differ only in that name.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "fuzz_entry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const sagelint::fuzz::Entry entry = sagelint::fuzz::entry_named(SAGELINT_FUZZ_TARGET);
  if (entry == nullptr) std::abort();  // a target CMake names but fuzz_entry.cpp does not know
  const auto violations = entry(std::string_view(reinterpret_cast<const char*>(data), size));
  // A broken contract is a finding too: abort so libFuzzer keeps the input.
  for (const auto& violation : violations) std::fprintf(stderr, "contract: %s\n", violation.c_str());
  if (!violations.empty()) std::abort();
  return 0;
}
