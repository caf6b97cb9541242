// What a loader gives back: the source tree of a file, or why the file could not be parsed.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "sagelint/location.hpp"
#include "sagelint/tree.hpp"

namespace sagelint {

// Deeper nesting than this is rejected: no SageMaker document comes close, and the cap keeps
// hostile input from costing stack or memory.
inline constexpr size_t kMaxNestingDepth = 256;

struct LoadResult {
  std::unique_ptr<Tree> tree;           // null when the file could not be parsed
  std::optional<Diagnostic> failure;    // why it could not, with the position of the fault
  std::vector<DuplicateKey> duplicate_keys;
};

}  // namespace sagelint
