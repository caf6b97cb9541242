// The whole pipeline behind `sagelint check`: inputs to model to findings.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sagelint/baseline.hpp"
#include "sagelint/model.hpp"
#include "sagelint/rule.hpp"

namespace sagelint {

struct LintResult {
  Model model;
  std::vector<const Rule*> rules;  // the rules the run evaluated
  std::vector<Finding> findings;
  // Each finding's sagelintResourceFingerprint/v1 (baseline.hpp), in the same order.
  std::vector<std::string> fingerprints;
  // How the findings compare with a previous run's, when one was given (check --baseline).
  std::optional<BaselineComparison> baseline;

  size_t files_read() const { return model.files.size(); }
  // Paths that did not exist, and files that could not be read or parsed.
  size_t inputs_failed() const { return model.load_failures.size(); }
  // Whether every input file was read and every finding kept (no limit reached).
  bool complete() const { return model.limits_reached.empty(); }
  // Whether the run must fail whatever its findings: an input not read, or a limit reached.
  bool failed() const { return inputs_failed() > 0 || !complete(); }
  // The errors no finding reports, for formats that show only findings: the limits reached,
  // and input failures with no file to point into (a path that does not exist). An input
  // failure in a file is an SMD000 finding.
  std::vector<const Diagnostic*> errors_outside_findings() const;
};

LintResult lint(std::span<const std::string> paths, std::span<const Rule* const> rules, const RunOptions& options);

struct FindingCounts {
  size_t errors = 0;
  size_t warnings = 0;
  size_t notes = 0;
  size_t suppressed = 0;
};
FindingCounts count_findings(std::span<const Finding> findings);

// Whether any unsuppressed finding is at or above `fail_level` (none: never).
bool has_findings_at(std::span<const Finding> findings, std::optional<Level> fail_level);

}  // namespace sagelint
