// `sagelint report`: a compliance report of a run for auditors, one self-contained file in
// HTML (inline CSS, no script, no network; prints well) or Markdown (tables only, as code
// hosting sites render it). The same run and scope give the same bytes.
#pragma once

#include <string>
#include <vector>

#include "sagelint/date.hpp"
#include "sagelint/lint.hpp"
#include "sagelint/settings.hpp"

namespace sagelint {

// What the report says about how it was made.
struct ReportScope {
  Date date;                        // the report's date; justifications expire relative to it
  std::vector<std::string> inputs;  // the paths as given
  std::string configuration;        // the configuration file read; empty: the built-in defaults
  Settings settings = Settings::defaults();  // decide the domains' environments
};

// Justifications that run out within this many days are listed apart.
inline constexpr int kExpiringSoonDays = 30;

std::string html_compliance_report(const LintResult& result, const ReportScope& scope);
std::string markdown_compliance_report(const LintResult& result, const ReportScope& scope);

}  // namespace sagelint
