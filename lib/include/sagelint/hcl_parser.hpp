// HCL native syntax (Terraform's .tf files) to a syntax tree with exact positions, after
// HashiCorp's specification (hashicorp/hcl, hclsyntax/spec.md).
#pragma once

#include <memory>
#include <optional>

#include "sagelint/hcl_tree.hpp"
#include "sagelint/limits.hpp"
#include "sagelint/location.hpp"
#include "sagelint/source_file.hpp"

namespace sagelint {

struct HclLoadResult {
  std::unique_ptr<HclFile> file;      // null when the file could not be parsed
  std::optional<Diagnostic> failure;  // the first syntax error, at the token at fault
};

// Parses a whole file. Accepted beyond the specification: a UTF-8 byte-order mark (Terraform
// accepts it too), and a heredoc's closing marker at the very end of the file without a line
// break (Terraform 1.11 does not: "Unterminated template string"). Rejected, each
// with its own message and position: invalid UTF-8, NUL bytes, UTF-16 and UTF-32 files,
// nesting deeper than limits.max_depth (blocks, brackets, parentheses, operators and template
// directives all count: the parser is recursive, so this cap bounds its stack), literal text
// or names longer than limits.max_string_length, an attribute set twice in one body. Not done: Unicode
// normalisation of strings (HCL applies NFC), and identifiers outside ASCII are recognised by
// a coarse rule (letters and marks yes, spaces, punctuation and symbols no) rather than by
// the full UAX #31 tables.
HclLoadResult load_hcl(const SourceFile& file, const Limits& limits = {});

}  // namespace sagelint
