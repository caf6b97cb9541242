// JSON text to a source tree, with exact positions for every value.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "sagelint/location.hpp"
#include "sagelint/source_file.hpp"
#include "sagelint/tree.hpp"

namespace sagelint {

// Deeper nesting than this is rejected: no SageMaker document comes close, and the cap keeps
// hostile input from costing stack or memory.
inline constexpr size_t kMaxJsonDepth = 256;

struct JsonLoadResult {
  std::unique_ptr<Tree> tree;           // null when the file could not be parsed
  std::optional<Diagnostic> failure;    // why it could not, with the position of the fault
  std::vector<DuplicateKey> duplicate_keys;
};

// Parses strict JSON (RFC 8259) encoded as UTF-8, with or without a byte-order mark. Also
// rejected, each with its own message: UTF-16 and UTF-32 files, NUL bytes, \u escapes of
// unpaired surrogates, and nesting deeper than kMaxJsonDepth.
JsonLoadResult load_json(const SourceFile& file);

}  // namespace sagelint
