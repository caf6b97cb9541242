// JSON text to a source tree, with exact positions for every value.
#pragma once

#include "sagelint/load_result.hpp"
#include "sagelint/source_file.hpp"

namespace sagelint {

// Parses strict JSON (RFC 8259) encoded as UTF-8, with or without a byte-order mark. Also
// rejected, each with its own message: UTF-16 and UTF-32 files, NUL bytes, \u escapes of
// unpaired surrogates, nesting deeper than limits.max_depth and strings (or member names) longer
// than limits.max_string_length.
LoadResult load_json(const SourceFile& file, const Limits& limits = {});

}  // namespace sagelint
