// A rule's documentation in the forms users read: the terminal (`sagelint explain`), the
// generated docs/rules/<ID>.md pages, and SARIF's rule help. All come from RuleInfo.
#pragma once

#include <span>
#include <string>

#include "sagelint/rule.hpp"

namespace sagelint {

// "DefaultLandingStudio" from "default-landing-studio" (SARIF rule names are PascalCase).
std::string pascal_case(std::string_view kebab);
std::string_view to_string(JustificationPolicy policy);
std::string applies_to_text(unsigned applies_to);

enum class ExampleFormat : uint8_t { api_export, cloudformation, terraform };

// A fixture shown as an example on a rule's page.
struct RuleExample {
  std::string_view rule_id;
  ExampleFormat format;
  bool failing;
  std::string_view path;      // relative to the repository: "fixtures/cfn/SMD007/fail/classic.yaml"
  std::string_view text;      // the file
  std::string_view findings;  // the rule's findings in its snapshot, one per line; empty when passing
};

// The page for docs/rules/<ID>.md and, without examples, SARIF help.markdown.
std::string rule_markdown(const RuleInfo& rule, std::span<const RuleExample> examples = {});
// docs/rules/README.md: a table of every rule, linking to its page.
std::string rule_index_markdown(std::span<const Rule* const> rules);
// The same content for a terminal: headings underlined, Markdown markup kept where it reads
// naturally (code spans, lists).
std::string rule_text(const RuleInfo& rule, std::span<const RuleExample> examples = {});

}  // namespace sagelint
