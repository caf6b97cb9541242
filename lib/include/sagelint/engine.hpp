// Runs rules over a model and turns what they report into sorted, justified findings.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sagelint/model.hpp"
#include "sagelint/rule.hpp"

namespace sagelint {

// Findings in a stable order: by file, position, rule id and message; identical findings
// (same rule, place and message) appear once. Justified findings are kept, marked suppressed.
std::vector<Finding> run_rules(const Model& model, std::span<const Rule* const> rules, const RunOptions& options);

}  // namespace sagelint
