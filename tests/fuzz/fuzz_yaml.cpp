// libFuzzer target: see run_yaml in fuzz_entry.hpp.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "fuzz_entry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto violations = sagelint::fuzz::run_yaml(std::string_view(reinterpret_cast<const char*>(data), size));
  // A broken contract is a finding too: abort so libFuzzer keeps the input.
  for (const auto& violation : violations) std::fprintf(stderr, "contract: %s\n", violation.c_str());
  if (!violations.empty()) std::abort();
  return 0;
}
