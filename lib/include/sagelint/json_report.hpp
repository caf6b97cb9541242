// sagelint's own JSON format, for scripts: every finding with its place, rule, resource and
// suppression, plus the input diagnostics and a summary. Documented in docs/output-formats.md,
// with its schema in docs/json-report.schema.json.
#pragma once

#include <string>

#include "sagelint/lint.hpp"

namespace sagelint {

// The version of docs/json-report.schema.json the report follows: raised when a field is
// removed or changes meaning, not when one is added.
inline constexpr unsigned kJsonSchemaVersion = 1;

std::string json_report(const LintResult& result);

}  // namespace sagelint
