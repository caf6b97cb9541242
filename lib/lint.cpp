#include "sagelint/lint.hpp"

#include "sagelint/engine.hpp"
#include "sagelint/inputs.hpp"

namespace sagelint {

LintResult lint(std::span<const std::string> paths, std::span<const Rule* const> rules, const RunOptions& options) {
  LintResult result;
  result.model = load_inputs(paths, options.limits);
  result.rules.assign(rules.begin(), rules.end());
  RuleRun run = run_rules(result.model, rules, options);
  result.findings = std::move(run.findings);
  if (run.truncated) {
    // An error, not a note: a report that leaves findings out must not pass a CI check.
    result.model.limits_reached.push_back(
        Diagnostic{Level::error, {}, findings_limit_message(options.limits.max_findings)});
  }
  result.fingerprints = resource_fingerprints(result.model, result.findings);
  return result;
}

std::vector<const Diagnostic*> LintResult::errors_outside_findings() const {
  std::vector<const Diagnostic*> errors;
  for (const Diagnostic& limit : model.limits_reached) errors.push_back(&limit);
  for (const Diagnostic& failure : model.load_failures) {
    if (failure.location.file == nullptr) errors.push_back(&failure);
  }
  return errors;
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
