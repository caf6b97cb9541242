// SARIF 2.1.0 for GitHub code scanning and the VS Code SARIF viewer: one run, every rule
// described, one location per result with a tight region in UTF-16 columns, a JSON Pointer
// as logical location, GitHub's own line hash, and byte-identical output for equal input.
#pragma once

#include <span>
#include <string>

#include "sagelint/lint.hpp"

namespace sagelint {

struct SarifOptions {
  // Result URIs are relative to this directory (absolute path); files outside it get
  // absolute file:// URIs.
  std::string source_root;
  // Written as automationDetails.id "<category>/" when not empty, so that several uploads
  // for one commit keep apart in code scanning.
  std::string category;
};

// Equal results give equal bytes: no timestamps, no machine paths (unless a file lies outside
// the source root), rules sorted by id, results in the engine's order (file, position, rule,
// message), notifications in the model's (file, position). So the order in which paths are
// named does not change the report either, except when two files describe the same resource:
// the first one read is the one linted (inputs.hpp), and that choice shows in the report.
std::string sarif_report(const LintResult& result, std::span<const Rule* const> rules, const SarifOptions& options);

// A relative URI reference for `absolute_path` below `root`, percent-encoded (':' too, so a
// first segment never reads as a scheme); empty when the path is not below the root.
std::string relative_uri(std::string_view absolute_path, std::string_view root);
// "file:///…" for an absolute path, percent-encoded.
std::string file_uri(std::string_view absolute_path);

}  // namespace sagelint
