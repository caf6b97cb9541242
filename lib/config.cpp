#include "sagelint/config.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "sagelint/json_loader.hpp"
#include "sagelint/source_file.hpp"
#include "sagelint/text.hpp"
#include "sagelint/tree.hpp"

namespace sagelint {
namespace fs = std::filesystem;
namespace {

// Reads one configuration tree into a Config, collecting every mistake with its position.
class ConfigReader {
 public:
  ConfigReader(const Tree& tree, std::span<const Rule* const> catalog, Config& config)
      : tree_(tree), catalog_(catalog), config_(config) {}

  // A whole configuration, or with `waivers_only` a file that may hold waivers alone.
  std::vector<std::string> read(bool waivers_only) {
    const NodeId root = tree_.root();
    if (tree_.node(root).kind != NodeKind::object) {
      fail(root, waivers_only ? "a waivers file must be a JSON object {\"waivers\": [...]}"
                              : "the configuration must be a JSON object");
      return std::move(errors_);
    }
    for (NodeId member : tree_.children(root)) {
      const std::string_view key = tree_.key(member);
      if (!waivers_only) {
        read_member(member);
      } else if (key == "waivers") {
        read_waivers(member);
      } else if (key != "$schema") {
        fail_key(member, "unknown key " + sagelint::quoted(key) + "; a waivers file holds only 'waivers'");
      }
    }
    return std::move(errors_);
  }

 private:
  void read_member(NodeId member) {
    const std::string_view key = tree_.key(member);
    Settings& settings = config_.settings;
    // The keys that hold a plain list of strings.
    struct StringListKey {
      std::string_view key;
      std::vector<std::string> Settings::*field;
    };
    static constexpr StringListKey kStringLists[] = {
        {"unused_tools", &Settings::unused_tools},
        {"allowed_tools", &Settings::allowed_tools},
        {"unused_app_types", &Settings::unused_app_types},
        {"licensed_rstudio_users", &Settings::licensed_rstudio_users},
        {"approved_instance_types", &Settings::approved_instance_types},
        {"denied_instance_types", &Settings::denied_instance_types},
        {"required_tag_keys", &Settings::required_tag_keys},
        {"shared_space_tag_keys", &Settings::shared_space_tag_keys},
        {"default_vpc_ids", &Settings::default_vpc_ids},
    };
    for (const StringListKey& list : kStringLists) {
      if (key == list.key) {
        read_strings(member, settings.*list.field);
        return;
      }
    }
    bool licensed = false;
    if (key == "$schema") {
      // editors read it; so may we
    } else if (key == "select") {
      read_rule_list(member, config_.select);
    } else if (key == "ignore") {
      read_rule_list(member, config_.ignore);
    } else if (key == "levels") {
      read_levels(member);
    } else if (key == "waivers") {
      read_waivers(member);
    } else if (key == "env") {
      read_environment(member);
    } else if (key == "generic_name_patterns") {
      read_patterns(member, settings.generic_name_patterns);
    } else if (key == "idle_max_minutes") {
      read_integer(member, 60, 525600, settings.idle_max_minutes);
    } else if (key == "ebs_max_gb") {
      read_integer(member, 5, 16384, settings.ebs_max_gb);
    } else if (key == "trusted_accounts") {
      read_accounts(member, settings.trusted_accounts);
    } else if (key == "identity_tag_key") {
      read_string(member, settings.identity_tag_key);
    } else if (key == "enforce_fixed_idle") {
      read_boolean(member, settings.enforce_fixed_idle);
    } else if (key == "require_justification_owner") {
      read_boolean(member, settings.require_justification_owner);
    } else if (key == "rstudio_licensed") {
      if (read_boolean(member, licensed)) settings.rstudio_licensed = licensed;
    } else {
      fail_key(member, "unknown key " + sagelint::quoted(key) + known_keys_hint(key));
    }
  }

  // "; did you mean 'x'?" for a key one or two edits from a known one, else the list.
  static std::string known_keys_hint(std::string_view key) {
    std::string keys;
    for (std::string_view known : {"select", "ignore", "levels", "waivers"}) {
      if (equals_ignoring_case(known, key)) return "; did you mean '" + std::string(known) + "'?";
      keys += std::string(keys.empty() ? "" : ", ") + std::string(known);
    }
    for (const SettingInfo& info : setting_infos()) {
      if (equals_ignoring_case(info.key, key) || to_lower(info.key) == to_lower(key) + "s" ||
          to_lower(info.key) + "s" == to_lower(key)) {
        return "; did you mean '" + std::string(info.key) + "'?";
      }
      keys += ", " + std::string(info.key);
    }
    return "; the keys are " + keys;
  }

  void read_environment(NodeId object) {
    if (!expect(object, NodeKind::object, "an object")) return;
    EnvironmentPolicy& env = config_.settings.env;
    for (NodeId member : tree_.children(object)) {
      const std::string_view key = tree_.key(member);
      if (key == "tag_keys") {
        read_strings(member, env.tag_keys);
      } else if (key == "production_values") {
        read_strings(member, env.production_values);
      } else if (key == "production_domain_names") {
        read_patterns(member, env.production_domain_names);
      } else if (key == "production_accounts") {
        read_accounts(member, env.production_accounts);
      } else if (key == "default") {
        std::string value;
        if (!read_string(member, value)) continue;
        if (value == "prod" || value == "production") {
          env.fallback = Environment::production;
        } else if (value == "nonprod") {
          env.fallback = Environment::nonproduction;
        } else {
          fail(member, "env.default must be 'prod' or 'nonprod', not " + sagelint::quoted(value));
        }
      } else {
        fail_key(member, "unknown key " + sagelint::quoted(key) +
                             " in env; the keys are tag_keys, production_values, production_domain_names, "
                             "production_accounts and default");
      }
    }
  }

  // [{rule, resource, reason, owner, expires}]: rule, resource and reason are required. Whether
  // the rule exists, the reason is long enough and an owner is given are checked by the
  // justification rules, as for justifications written beside resources.
  void read_waivers(NodeId array) {
    if (!expect(array, NodeKind::array, "a list of waivers")) return;
    for (NodeId entry : tree_.children(array)) {
      if (!expect(entry, NodeKind::object, "a waiver {rule, resource, reason, owner, expires}")) continue;
      Waiver waiver;
      waiver.location = Location::of(tree_, entry);
      waiver.rule_at = waiver.reason_at = waiver.expires_at = waiver.location;
      bool valid = true;
      for (NodeId member : tree_.children(entry)) {
        const std::string_view key = tree_.key(member);
        if (key == "rule") {
          valid &= read_string(member, waiver.rule);
          waiver.rule_at = Location::of(tree_, member);
        } else if (key == "resource") {
          valid &= read_string(member, waiver.resource);
        } else if (key == "reason") {
          valid &= expect(member, NodeKind::string, "a string");
          if (valid) waiver.reason = std::string(trim(tree_.string(member)));
          waiver.reason_at = Location::of(tree_, member);
        } else if (key == "owner") {
          valid &= read_string(member, waiver.owner);
        } else if (key == "expires") {
          waiver.expires_at = Location::of(tree_, member);
          std::string date;
          valid &= read_string(member, date);
          waiver.expires = Date::parse(date);
          if (!date.empty() && !waiver.expires) {
            fail(member, "expires must be a date of the form YYYY-MM-DD, not " + sagelint::quoted(date));
            valid = false;
          }
        } else {
          fail_key(member, "unknown key " + sagelint::quoted(key) +
                               " in a waiver; the keys are rule, resource, reason, owner and expires");
          valid = false;
        }
      }
      for (std::string_view required : {"rule", "resource", "reason"}) {
        if (tree_.member(entry, required) != kNoNode) continue;
        fail(entry, "a waiver needs '" + std::string(required) + "'");
        valid = false;
      }
      if (valid) config_.waivers.push_back(std::move(waiver));
    }
  }

  void read_levels(NodeId object) {
    if (!expect(object, NodeKind::object, "an object of rule ids and levels")) return;
    for (NodeId member : tree_.children(object)) {
      const std::string_view entry = tree_.key(member);
      std::string level_text;
      if (!read_string(member, level_text)) continue;
      std::optional<Level> level;
      if (level_text == "error") {
        level = Level::error;
      } else if (level_text == "warning") {
        level = Level::warning;
      } else if (level_text == "note") {
        level = Level::note;
      } else if (level_text != "off") {
        fail(member, "a level must be error, warning, note or off, not " + sagelint::quoted(level_text));
        continue;
      }
      bool matched = false;
      for (const Rule* rule : catalog_) {
        if (!rule_matches(rule->info, entry)) continue;
        matched = true;
        if (level) {
          config_.levels[std::string(rule->info.id)] = *level;
        } else {
          config_.ignore.emplace_back(rule->info.id);
        }
      }
      if (!matched) fail_key(member, "no rule matches " + sagelint::quoted(entry) + "; sagelint rules lists them");
    }
  }

  void read_rule_list(NodeId array, std::vector<std::string>& out) {
    std::vector<std::string> entries;
    if (!read_strings(array, entries)) return;
    uint32_t index = 0;
    for (const std::string& entry : entries) {
      const NodeId element = tree_.element(array, index++);
      const bool known = std::any_of(catalog_.begin(), catalog_.end(),
                                     [&](const Rule* rule) { return rule_matches(rule->info, entry); });
      if (!known) {
        fail(element, "no rule matches " + sagelint::quoted(entry) + "; sagelint rules lists them");
        continue;
      }
      out.push_back(entry);
    }
  }

  void read_patterns(NodeId array, std::vector<NamePattern>& out) {
    std::vector<std::string> texts;
    if (!read_strings(array, texts)) return;
    std::vector<NamePattern> patterns;
    uint32_t index = 0;
    for (const std::string& text : texts) {
      const NodeId element = tree_.element(array, index++);
      std::string error;
      if (std::optional<NamePattern> pattern = NamePattern::compile(text, &error)) {
        patterns.push_back(std::move(*pattern));
      } else {
        fail(element, error);
      }
    }
    out = std::move(patterns);
  }

  void read_accounts(NodeId array, std::vector<std::string>& out) {
    std::vector<std::string> accounts;
    if (!read_strings(array, accounts)) return;
    uint32_t index = 0;
    for (const std::string& account : accounts) {
      const NodeId element = tree_.element(array, index++);
      const auto digit = [](char c) { return c >= '0' && c <= '9'; };
      const bool twelve_digits = account.size() == 12 && std::all_of(account.begin(), account.end(), digit);
      if (!twelve_digits) fail(element, "an AWS account id has 12 digits, not " + sagelint::quoted(account));
    }
    out = std::move(accounts);
  }

  // A list of non-empty strings; replaces `out` only when the whole list is valid.
  bool read_strings(NodeId array, std::vector<std::string>& out) {
    if (!expect(array, NodeKind::array, "a list of strings")) return false;
    std::vector<std::string> values;
    bool valid = true;
    for (NodeId element : tree_.children(array)) {
      if (!expect(element, NodeKind::string, "a string")) {
        valid = false;
        continue;
      }
      const std::string_view text = tree_.string(element);
      if (trim(text).empty()) {
        fail(element, "an empty string here means nothing; remove it");
        valid = false;
        continue;
      }
      values.emplace_back(text);
    }
    if (valid) out = std::move(values);
    return valid;
  }

  bool read_string(NodeId node, std::string& out) {
    if (!expect(node, NodeKind::string, "a string")) return false;
    if (trim(tree_.string(node)).empty()) {
      fail(node, "must not be empty");
      return false;
    }
    out = std::string(tree_.string(node));
    return true;
  }

  bool read_boolean(NodeId node, bool& out) {
    if (!expect(node, NodeKind::boolean, "true or false")) return false;
    out = tree_.node(node).boolean;
    return true;
  }

  void read_integer(NodeId node, int minimum, int maximum, int& out) {
    const Node& n = tree_.node(node);
    if (n.kind != NodeKind::number || !n.is_integer || n.number < minimum || n.number > maximum) {
      fail(node, std::string(tree_.key(node)) + " must be a whole number from " + std::to_string(minimum) + " to " +
                     std::to_string(maximum));
      return;
    }
    out = static_cast<int>(n.number);
  }

  bool expect(NodeId node, NodeKind kind, std::string_view what) {
    if (tree_.node(node).kind == kind) return true;
    const std::string name = tree_.node(node).has_key ? std::string(tree_.key(node)) : tree_.pointer(node);
    fail(node, name + " must be " + std::string(what) + ", not " + std::string(to_string(tree_.node(node).kind)));
    return false;
  }

  void fail(NodeId node, std::string message) { add(Location::of(tree_, node), std::move(message)); }
  void fail_key(NodeId node, std::string message) { add(Location::key_of(tree_, node), std::move(message)); }

  void add(const Location& at, std::string message) {
    const Position position = at.file->position(at.begin);
    errors_.push_back(at.file->path() + ":" + std::to_string(position.line) + ":" + std::to_string(position.column) +
                      ": " + message);
  }

  const Tree& tree_;
  std::span<const Rule* const> catalog_;
  Config& config_;
  std::vector<std::string> errors_;
};

}  // namespace

namespace {

// Parses `text` and reads it into `config`, which keeps the file and tree its waivers point into.
std::vector<std::string> read_into(Config& config, std::string display_path, std::string text,
                                   std::span<const Rule* const> catalog, bool waivers_only) {
  std::vector<std::string> errors;
  std::error_code error;
  const std::string absolute = fs::absolute(display_path, error).generic_string();
  auto file = std::make_shared<const SourceFile>(display_path, absolute, std::move(text));
  LoadResult parsed = load_json(*file);
  if (!parsed.tree) {
    const Position at = file->position(parsed.failure->location.begin);
    errors.push_back(display_path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " +
                     parsed.failure->message);
    return errors;
  }
  for (const DuplicateKey& duplicate : parsed.duplicate_keys) {
    const Position at = file->position(Location::key_of(*parsed.tree, duplicate.duplicate).begin);
    errors.push_back(display_path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
                     ": duplicate key; each key may appear once");
  }
  std::shared_ptr<const Tree> tree = std::move(parsed.tree);
  config.files.push_back(std::move(file));
  config.trees.push_back(tree);
  std::vector<std::string> more = ConfigReader(*tree, catalog, config).read(waivers_only);
  errors.insert(errors.end(), more.begin(), more.end());
  return errors;
}

// A file's bytes, or nullopt when it cannot be read.
std::optional<std::string> read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) return std::nullopt;
  return std::move(text).str();
}

}  // namespace

ConfigLoad parse_config(std::string display_path, std::string text, std::span<const Rule* const> catalog) {
  ConfigLoad load;
  Config config;
  config.path = display_path;
  load.errors = read_into(config, std::move(display_path), std::move(text), catalog, false);
  if (load.errors.empty()) load.config = std::move(config);
  return load;
}

ConfigLoad load_config(const fs::path& path, std::span<const Rule* const> catalog) {
  std::optional<std::string> text = read_text(path);
  if (!text) return ConfigLoad{std::nullopt, {path.generic_string() + ": cannot read the configuration"}};
  return parse_config(path.generic_string(), std::move(*text), catalog);
}

std::vector<std::string> load_waivers(const fs::path& path, Config& config) {
  std::optional<std::string> text = read_text(path);
  if (!text) return {path.generic_string() + ": cannot read the waivers"};
  return read_into(config, path.generic_string(), std::move(*text), {}, true);
}

std::optional<fs::path> find_config(const fs::path& directory) {
  std::error_code error;
  fs::path at = fs::absolute(directory, error);
  if (error) return std::nullopt;
  while (true) {
    const fs::path candidate = at / kConfigFileName;
    if (fs::is_regular_file(candidate, error)) return candidate;
    if (!at.has_parent_path() || at.parent_path() == at) return std::nullopt;
    at = at.parent_path();
  }
}

}  // namespace sagelint
