#include "sagelint/rule_docs.hpp"

#include <sstream>

namespace sagelint {

std::string pascal_case(std::string_view kebab) {
  std::string out;
  bool upper = true;
  for (char c : kebab) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

std::string_view to_string(JustificationPolicy policy) {
  switch (policy) {
    case JustificationPolicy::not_accepted: return "not accepted";
    case JustificationPolicy::allowed: return "allowed";
    case JustificationPolicy::required: return "required to depart from this rule";
    case JustificationPolicy::allowed_outside_production: return "allowed outside production only";
  }
  return "";
}

std::string applies_to_text(unsigned applies_to) {
  std::string out;
  const auto add = [&](unsigned bit, std::string_view what) {
    if (!(applies_to & bit)) return;
    if (!out.empty()) out += ", ";
    out += what;
  };
  add(kAppliesToDomain, "domains");
  add(kAppliesToUserProfile, "user profiles");
  add(kAppliesToSpace, "spaces");
  add(kAppliesToAnyInput, "every input file");
  return out;
}

namespace {

std::string tag_list(const RuleInfo& rule) {
  std::string out;
  for (std::string_view tag : rule.tags) {
    if (!out.empty()) out += ", ";
    out += tag;
  }
  return out;
}

std::string justification_line(const RuleInfo& rule) {
  std::string line(to_string(rule.justification));
  if (rule.justification != JustificationPolicy::not_accepted) {
    line += " (tag `sagelint:justify:" + std::string(rule.id) + "`)";
  }
  return line;
}

// "## Configuration", written from the settings table so the page cannot drift from it.
std::string configuration_section(const RuleInfo& rule) {
  std::string out = "## Configuration\n";
  if (rule.settings.empty()) return out + "None.\n\n";
  out += "Keys of `.sagelint.json` this rule reads (see [configuration](../configuration.md)):\n";
  for (std::string_view key : rule.settings) {
    const SettingInfo* info = find_setting_info(key);
    if (info == nullptr) {
      out += "- `" + std::string(key) + "`\n";  // a test keeps every named key documented
      continue;
    }
    out += "- `" + std::string(key) + "` (" + std::string(info->type) + "): " + std::string(info->description) +
           ". Default: " + std::string(info->default_value) + ".\n";
  }
  return out + "\n";
}

// The documentation with the generated Configuration section before References.
std::string documentation_with_configuration(const RuleInfo& rule) {
  std::string doc(rule.documentation);
  if (!doc.ends_with("\n")) doc += "\n";
  const size_t references = doc.find("## References");
  const std::string configuration = configuration_section(rule);
  if (references == std::string::npos) return doc + "\n" + configuration;
  return doc.insert(references, configuration);
}

}  // namespace

std::string rule_markdown(const RuleInfo& rule) {
  std::ostringstream out;
  out << "# " << rule.id << " " << rule.name << "\n\n";
  out << rule.summary << "\n\n";
  out << "| | |\n|---|---|\n";
  out << "| Default level | " << to_string(rule.level) << " |\n";
  out << "| Applies to | " << applies_to_text(rule.applies_to) << " |\n";
  out << "| Justification | " << justification_line(rule) << " |\n";
  out << "| Tags | " << tag_list(rule) << " |\n\n";
  out << documentation_with_configuration(rule);
  return out.str();
}

std::string rule_index_markdown(std::span<const Rule* const> rules) {
  std::ostringstream out;
  out << "# sagelint rules\n\n";
  out << "Generated from the rule files by `build/sagelint rules --write-docs docs/rules`; do not edit.\n\n";
  out << "| Rule | Name | Level | Applies to | Summary |\n|---|---|---|---|---|\n";
  for (const Rule* rule : rules) {
    const RuleInfo& info = rule->info;
    out << "| [" << info.id << "](" << info.id << ".md) | `" << info.name << "` | " << to_string(info.level) << " | "
        << applies_to_text(info.applies_to) << " | " << info.summary << " |\n";
  }
  return out.str();
}

std::string rule_text(const RuleInfo& rule) {
  std::ostringstream out;
  const std::string title = std::string(rule.id) + " " + std::string(rule.name);
  out << title << "\n" << std::string(title.size(), '=') << "\n\n";
  out << rule.summary << "\n\n";
  out << "Default level:  " << to_string(rule.level) << "\n";
  out << "Applies to:     " << applies_to_text(rule.applies_to) << "\n";
  out << "Justification:  " << justification_line(rule) << "\n";
  out << "Tags:           " << tag_list(rule) << "\n";
  std::istringstream doc{documentation_with_configuration(rule)};
  std::string line;
  while (std::getline(doc, line)) {
    if (line.starts_with("## ")) {
      const std::string heading = line.substr(3);
      out << "\n" << heading << "\n" << std::string(heading.size(), '-') << "\n";
    } else {
      out << line << "\n";
    }
  }
  return out.str();
}

}  // namespace sagelint
