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
  add(kAppliesToJustifications, "justifications and waivers");
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

std::string_view format_title(ExampleFormat format) {
  switch (format) {
    case ExampleFormat::api_export: return "AWS CLI export";
    case ExampleFormat::cloudformation: return "CloudFormation";
    case ExampleFormat::terraform: return "Terraform";
  }
  return "";
}

// The language of a fenced code block, from the file's extension.
std::string_view fence_language(std::string_view path) {
  if (path.ends_with(".tf")) return "hcl";
  if (path.ends_with(".json")) return "json";
  return "yaml";
}

std::string fenced(std::string_view language, std::string_view text) {
  std::string out = "```" + std::string(language) + "\n" + std::string(text);
  if (!out.ends_with("\n")) out += "\n";
  return out + "```\n";
}

// "## Examples in each format": the rule's fixtures, failing then passing, per format. They
// are test inputs, so they show what the rule really does.
std::string examples_section(const RuleInfo& rule, std::span<const RuleExample> examples) {
  if (examples.empty()) return {};
  std::string out = "## Examples in each format\n";
  out += "These are the rule's test fixtures, so they show exactly what it reports.\n";
  for (ExampleFormat format : {ExampleFormat::api_export, ExampleFormat::cloudformation, ExampleFormat::terraform}) {
    bool titled = false;
    for (bool failing : {true, false}) {
      for (const RuleExample& example : examples) {
        if (example.format != format || example.failing != failing || example.rule_id != rule.id) continue;
        if (!titled) out += "\n### " + std::string(format_title(format)) + "\n";
        titled = true;
        out += std::string(failing ? "\nFails" : "\nPasses") + " (`" + std::string(example.path) + "`):\n\n";
        out += fenced(fence_language(example.path), example.text);
        if (!example.findings.empty()) out += "\nsagelint reports:\n\n" + fenced("text", example.findings);
      }
    }
  }
  return out + "\n";
}

// "## Justifying an exception", from the rule's policy: the same three places for every rule.
std::string justification_section(const RuleInfo& rule) {
  std::string out = "## Justifying an exception\n";
  if (rule.applies_to & kAppliesToJustifications) {
    return out + "A finding about a justification cannot itself be justified: correct the justification or remove "
                 "it. To stop checking this, turn the rule off (`\"levels\": {\"" + std::string(rule.id) +
                 "\": \"off\"}` in `.sagelint.json`) or leave it out with `ignore`.\n\n";
  }
  if (rule.justification == JustificationPolicy::not_accepted) {
    return out + "This rule accepts no justification: what it reports is wrong whatever the reason (often the API "
                 "rejects it), so fix the configuration.\n\n";
  }
  const std::string tag = "sagelint:justify:" + std::string(rule.id);
  if (rule.justification == JustificationPolicy::required) {
    out += "Departing from this practice needs a written reason. ";
  } else if (rule.justification == JustificationPolicy::allowed_outside_production) {
    out += "A justification is accepted outside production only; in production the finding stands. ";
  }
  out += "Give the reason (at least 10 characters, optionally ending with `expires=YYYY-MM-DD`) where the "
         "resource is written; the finding is then kept as suppressed and does not fail the run:\n";
  out += "- AWS CLI export: a tag `" + tag + "` in the `Tags` that `aws sagemaker list-tags` returns;\n";
  out += "- CloudFormation: the same tag in `Tags`, or `Metadata: {sagelint: {justify: {" + std::string(rule.id) +
         ": \"reason\"}}}` on the resource;\n";
  out += "- Terraform: `tags = { \"" + tag + "\" = \"reason\" }`;\n";
  out += "- or centrally, for resources that cannot be tagged: a waiver `{\"rule\": \"" + std::string(rule.id) +
         "\", \"resource\": \"<ARN, name or file#logical id>\", \"reason\": …, \"owner\": …, \"expires\": …}` in "
         "the `waivers` of `.sagelint.json`.\n\n";
  out += "`owner=NAME` in the text names who answers for the exception (required when the configuration sets "
         "`require_justification_owner`). Justifications that have expired, name no rule, justify nothing or "
         "lack a reason are reported by SMD035–SMD038.\n\n";
  out += "SageMaker allows only letters, digits, spaces and `_ . : / = + - @` in tag values.\n\n";
  return out;
}

// The documentation with the generated sections before References: examples in each format,
// how to justify an exception, the configuration keys the rule reads.
std::string full_documentation(const RuleInfo& rule, std::span<const RuleExample> examples) {
  std::string doc(rule.documentation);
  if (!doc.ends_with("\n")) doc += "\n";
  const size_t references = doc.find("## References");
  const std::string generated =
      examples_section(rule, examples) + justification_section(rule) + configuration_section(rule);
  if (references == std::string::npos) return doc + "\n" + generated;
  return doc.insert(references, generated);
}

}  // namespace

std::string rule_markdown(const RuleInfo& rule, std::span<const RuleExample> examples) {
  std::ostringstream out;
  out << "# " << rule.id << " " << rule.name << "\n\n";
  out << rule.summary << "\n\n";
  out << "| | |\n|---|---|\n";
  out << "| Default level | " << to_string(rule.level) << " |\n";
  out << "| Applies to | " << applies_to_text(rule.applies_to) << " |\n";
  out << "| Justification | " << justification_line(rule) << " |\n";
  out << "| Tags | " << tag_list(rule) << " |\n\n";
  out << full_documentation(rule, examples);
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

std::string rule_text(const RuleInfo& rule, std::span<const RuleExample> examples) {
  std::ostringstream out;
  const std::string title = std::string(rule.id) + " " + std::string(rule.name);
  out << title << "\n" << std::string(title.size(), '=') << "\n\n";
  out << rule.summary << "\n\n";
  out << "Default level:  " << to_string(rule.level) << "\n";
  out << "Applies to:     " << applies_to_text(rule.applies_to) << "\n";
  out << "Justification:  " << justification_line(rule) << "\n";
  out << "Tags:           " << tag_list(rule) << "\n";
  std::istringstream doc{full_documentation(rule, examples)};
  std::string line;
  bool in_code = false;  // example files may hold lines that look like headings
  while (std::getline(doc, line)) {
    if (line.starts_with("```")) in_code = !in_code;
    const size_t level = in_code ? 0 : line.starts_with("## ") ? 3 : line.starts_with("### ") ? 4 : 0;
    if (level == 0) {
      out << line << "\n";
      continue;
    }
    const std::string heading = line.substr(level);
    out << "\n" << heading << "\n" << std::string(heading.size(), level == 3 ? '-' : '~') << "\n";
  }
  return out.str();
}

}  // namespace sagelint
