// Helpers the suites share: a scratch directory that cleans up after itself, and linting
// documents written into it.
#pragma once

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <cctype>

#include <doctest/doctest.h>

#include "sagelint/catalog.hpp"
#include "sagelint/hcl_parser.hpp"
#include "sagelint/json_loader.hpp"
#include "sagelint/yaml_loader.hpp"
#include "sagelint/value.hpp"
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

// LLVM style: lower-case start (an acronym such as NUL or UTF-16 may lead), no trailing period.
inline bool llvm_style(std::string_view message) {
  if (message.empty() || message.back() == '.') return false;
  const auto upper = [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; };
  const auto lower = [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; };
  return !(upper(message[0]) && message.size() > 1 && lower(message[1]));
}

// "line:column-line:column" of a byte span, as a user would read it.
inline std::string region_text(const SourceFile& file, uint32_t begin, uint32_t end) {
  const Region r = file.region(begin, end);
  return std::to_string(r.begin.line) + ":" + std::to_string(r.begin.column) + "-" + std::to_string(r.end.line) + ":" +
         std::to_string(r.end.column);
}

// A loaded document. The tree points into the file, so both live here and never move.
struct LoadedDocument {
  using Loader = LoadResult (*)(const SourceFile&, const Limits&);
  explicit LoadedDocument(std::string text, Loader load = load_json, std::string name = "x.json")
      : file(name, "/" + name, std::move(text)), result(load(file, Limits{})) {}
  LoadedDocument(const LoadedDocument&) = delete;
  LoadedDocument& operator=(const LoadedDocument&) = delete;

  const Tree& tree() const {
    REQUIRE_MESSAGE(result.tree != nullptr, (result.failure ? result.failure->message : "no tree"));
    return *result.tree;
  }
  const Node& node(NodeId id) const { return tree().node(id); }
  // The node at a path of member names and array indexes, e.g. {"a", "0", "b"}.
  NodeId at(std::initializer_list<std::string_view> path) const {
    NodeId id = tree().root();
    for (std::string_view step : path) {
      if (tree().node(id).kind == NodeKind::array) {
        id = tree().element(id, static_cast<uint32_t>(std::stoul(std::string(step))));
      } else {
        id = tree().member(id, step);
      }
      REQUIRE_MESSAGE(id != kNoNode, "no " << step);
    }
    return id;
  }
  // The raw text of a node's token (the whole container for objects and arrays).
  std::string_view token(NodeId id) const { return file.text().substr(node(id).begin, node(id).end - node(id).begin); }
  std::string_view key_token(NodeId id) const {
    REQUIRE(node(id).has_key);
    return file.text().substr(node(id).key_begin, node(id).key_end - node(id).key_begin);
  }
  // "line:column-line:column" of a node, as a user would read it.
  std::string region(NodeId id) const { return region_text(node(id).begin, node(id).end); }
  std::string key_region(NodeId id) const { return region_text(node(id).key_begin, node(id).key_end); }
  std::string region_text(uint32_t begin, uint32_t end) const { return testing::region_text(file, begin, end); }

  // The text a location underlines.
  std::string_view underlined(const Location& at) const {
    REQUIRE(at.file == &file);
    return file.text().substr(at.begin, at.end - at.begin);
  }
  // The document as a value, as rules see it; `incomplete` as for a list-* summary.
  Value value(bool incomplete = false) const { return Value::of(tree(), tree().root(), incomplete); }

  SourceFile file;
  LoadResult result;
};

// A parsed HCL file. The tree points into the file, so both live here and never move.
struct LoadedHcl {
  explicit LoadedHcl(std::string text) : file("x.tf", "/x.tf", std::move(text)), result(load_hcl(file)) {}
  LoadedHcl(const LoadedHcl&) = delete;
  LoadedHcl& operator=(const LoadedHcl&) = delete;

  const HclFile& tree() const {
    REQUIRE_MESSAGE(result.file != nullptr, (result.failure ? result.failure->message : "no tree"));
    return *result.file;
  }
  const HclNode& node(HclNodeId id) const { return tree().node(id); }
  // The value expression of the top-level attribute `name`.
  HclNodeId value(std::string_view name) const {
    const HclNodeId attribute = tree().attribute(tree().root(), name);
    REQUIRE_MESSAGE(attribute != kNoHclNode, "no attribute " << name);
    return tree().value(attribute);
  }
  // The bytes of a node's span, and its "line:column-line:column".
  std::string_view token(HclNodeId id) const { return tree().source_text(id); }
  std::string region(HclNodeId id) const { return region_text(file, node(id).begin, node(id).end); }
  std::string name_region(HclNodeId id) const { return region_text(file, node(id).name_begin, node(id).name_end); }

  SourceFile file;
  HclLoadResult result;
};

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
