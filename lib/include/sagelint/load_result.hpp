// What a loader gives back: the source tree of a file, or why the file could not be parsed.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "sagelint/limits.hpp"
#include "sagelint/location.hpp"
#include "sagelint/tree.hpp"

namespace sagelint {

struct LoadResult {
  std::unique_ptr<Tree> tree;           // null when the file could not be parsed
  std::optional<Diagnostic> failure;    // why it could not, with the position of the fault
  std::vector<DuplicateKey> duplicate_keys;
};

}  // namespace sagelint
