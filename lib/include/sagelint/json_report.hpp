// sagelint's own JSON format, for scripts: every finding with its place, rule, resource and
// suppression, plus the input diagnostics and a summary. Documented in docs/output-formats.md.
#pragma once

#include <string>

#include "sagelint/lint.hpp"

namespace sagelint {

std::string json_report(const LintResult& result);

}  // namespace sagelint
