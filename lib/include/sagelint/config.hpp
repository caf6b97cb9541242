// The project configuration, `.sagelint.json`: the settings rules read, which rules run, and
// the levels they report at. It is JSON, read by the same loader as the inputs, so every
// mistake in it is reported with its line and column.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sagelint/location.hpp"
#include "sagelint/rule.hpp"
#include "sagelint/settings.hpp"
#include "sagelint/source_file.hpp"
#include "sagelint/tree.hpp"

namespace sagelint {

inline constexpr std::string_view kConfigFileName = ".sagelint.json";

struct Config {
  std::string path;  // where it was read from; empty for the built-in defaults
  // The text and tree of each file read, which waivers' locations point into.
  std::vector<std::shared_ptr<const SourceFile>> files;
  std::vector<std::shared_ptr<const Tree>> trees;
  Settings settings = Settings::defaults();
  std::vector<std::string> select;  // rule ids, names or id prefixes; empty: every rule
  std::vector<std::string> ignore;
  std::map<std::string, Level, std::less<>> levels;  // by rule id
  std::vector<Waiver> waivers;
};

// A configuration, or every mistake found in it as "path:line:col: message".
struct ConfigLoad {
  std::optional<Config> config;
  std::vector<std::string> errors;
};

// Reads and checks the configuration in `path`; rule ids, names and prefixes are checked
// against `catalog`.
ConfigLoad load_config(const std::filesystem::path& path, std::span<const Rule* const> catalog);
// Parses configuration text; `display_path` is what messages call the file.
ConfigLoad parse_config(std::string display_path, std::string text, std::span<const Rule* const> catalog);

// Adds the waivers of a file of the form {"waivers": [...]} (`--waivers FILE`) to `config`;
// every mistake as "path:line:col: message".
std::vector<std::string> load_waivers(const std::filesystem::path& path, Config& config);

// The `.sagelint.json` in `directory` or the nearest directory above it, if there is one.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& directory);

}  // namespace sagelint
