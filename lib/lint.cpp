#include "sagelint/lint.hpp"

#include "sagelint/engine.hpp"
#include "sagelint/inputs.hpp"

namespace sagelint {

LintResult lint(std::span<const std::string> paths, std::span<const Rule* const> rules, const RunOptions& options) {
  LintResult result;
  result.model = load_inputs(paths);
  result.rules.assign(rules.begin(), rules.end());
  result.findings = run_rules(result.model, rules, options);
  result.fingerprints = resource_fingerprints(result.model, result.findings);
  return result;
}

FindingCounts count_findings(std::span<const Finding> findings) {
  FindingCounts counts;
  for (const Finding& finding : findings) {
    if (finding.suppressed) {
      ++counts.suppressed;
      continue;
    }
    switch (finding.level) {
      case Level::error: ++counts.errors; break;
      case Level::warning: ++counts.warnings; break;
      case Level::note: ++counts.notes; break;
    }
  }
  return counts;
}

bool has_findings_at(std::span<const Finding> findings, std::optional<Level> fail_level) {
  if (!fail_level) return false;
  for (const Finding& finding : findings) {
    if (!finding.suppressed && finding.level >= *fail_level) return true;
  }
  return false;
}

}  // namespace sagelint
