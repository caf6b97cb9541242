// Runs rules over a model and turns what they report into sorted, justified findings.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sagelint/model.hpp"
#include "sagelint/rule.hpp"

namespace sagelint {

struct RuleRun {
  // In a stable order: by file, position, rule id and message; identical findings (same
  // rule, place and message) appear once. Justified findings are kept, marked suppressed.
  std::vector<Finding> findings;
  // More than options.limits.max_findings were found: the rules after the one that crossed
  // the limit did not run, and only the first max_findings findings are kept.
  bool truncated = false;
};

RuleRun run_rules(const Model& model, std::span<const Rule* const> rules, const RunOptions& options);

}  // namespace sagelint
