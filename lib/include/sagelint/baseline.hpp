// Baselines: a fingerprint for every finding that survives reformatting and reordering of its
// file, a previous SARIF log read back, and the comparison that says which findings are new,
// unchanged, updated or gone (SARIF 2.1.0 §3.27.24 baselineState).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sagelint/model.hpp"
#include "sagelint/rule.hpp"

namespace sagelint {

// The partialFingerprints key the fingerprint is written under.
inline constexpr std::string_view kResourceFingerprintKey = "sagelintResourceFingerprint/v1";

// The identity a finding's fingerprint hashes, one line each: rule id, resource identity,
// property path (the value's place relative to its resource's root, array elements named by
// content where they have one) and occurrence number among findings that share the three
// (ordered by message). Line numbers, formatting and the order of resources and members do
// not enter it. Exposed for tests and docs; reports carry only the hash.
std::vector<std::string> finding_identities(const Model& model, std::span<const Finding> findings);
// 64-bit FNV-1a of each identity, as 16 lower-case hex digits.
std::vector<std::string> resource_fingerprints(const Model& model, std::span<const Finding> findings);
std::string fingerprint_hash(std::string_view identity);

// One result of a previous sagelint SARIF log, with what is needed to write it back as absent.
struct BaselineResult {
  std::string rule_id;
  std::string level;  // "error", "warning", "note" or "none"
  std::string message;
  std::string fingerprint;
  std::string line_hash;  // primaryLocationLineHash, when there was one
  std::string uri;
  std::string uri_base_id;
  uint32_t start_line = 0;  // 0: no region
  uint32_t start_column = 0;
  uint32_t end_line = 0;
  uint32_t end_column = 0;
  std::string pointer;  // the logical location's fullyQualifiedName
  bool suppressed = false;
  std::string justification;
};

struct Baseline {
  std::vector<BaselineResult> results;
};

// A baseline, or the reason it cannot be used as "file:line:col: message".
struct BaselineLoad {
  std::optional<Baseline> baseline;
  std::string error;
};
// Reads a SARIF log sagelint wrote (check --format sarif, or sagelint baseline). Results
// the log itself marks absent are left out: they were not findings of that run.
BaselineLoad read_baseline(const std::string& path);
BaselineLoad parse_baseline(std::string display_path, std::string text);

enum class BaselineState : uint8_t { new_finding, unchanged, updated, absent };
std::string_view to_string(BaselineState state);  // SARIF's names: "new", "unchanged", …

struct BaselineComparison {
  std::vector<BaselineState> states;    // one per finding, in order
  std::vector<BaselineResult> absent;   // results of the baseline no finding matches, in its order
  size_t count(BaselineState state) const;
};

// Matches findings to baseline results by fingerprint: a match with the same message and level
// is unchanged, another match updated, no match new. `fingerprints` are resource_fingerprints.
BaselineComparison compare_with_baseline(std::span<const Finding> findings, std::span<const std::string> fingerprints,
                                         const Baseline& baseline);

// Whether a new, unsuppressed finding is at or above `fail_level` (none: never).
bool has_new_findings_at(std::span<const Finding> findings, const BaselineComparison& comparison,
                         std::optional<Level> fail_level);

}  // namespace sagelint
