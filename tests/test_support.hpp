// Helpers the suites share: a scratch directory that cleans up after itself, and linting
// documents written into it.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sagelint/catalog.hpp"
#include "sagelint/inputs.hpp"
#include "sagelint/lint.hpp"

namespace sagelint::testing {

// A file's bytes, or empty when it cannot be read.
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() / ("sagelint-test-" + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string file(std::string_view relative) const { return (path_ / relative).string(); }

  // Writes `text` byte for byte, creating parent directories; returns the file's path.
  std::string write(std::string_view relative, std::string_view text) const {
    const std::filesystem::path target = path_ / relative;
    std::filesystem::create_directories(target.parent_path());
    std::ofstream out(target, std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    return target.string();
  }

 private:
  std::filesystem::path path_;
};

// Lints the given files as one run (every rule, default options unless given).
inline LintResult lint_files(const TempDir& dir, const std::vector<std::pair<std::string, std::string>>& files,
                             RunOptions options = {}) {
  std::vector<std::string> paths;
  for (const auto& [name, text] : files) paths.push_back(dir.write(name, text));
  return lint(paths, all_rules(), options);
}

inline Model load_files(const TempDir& dir, const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::string> paths;
  for (const auto& [name, text] : files) paths.push_back(dir.write(name, text));
  return load_inputs(paths);
}

// The findings of one rule.
inline std::vector<const Finding*> findings_of(const LintResult& result, std::string_view rule_id) {
  std::vector<const Finding*> out;
  for (const Finding& finding : result.findings) {
    if (finding.rule->id == rule_id) out.push_back(&finding);
  }
  return out;
}

inline Position begin_of(const Finding& finding) { return finding.location.file->position(finding.location.begin); }

}  // namespace sagelint::testing
