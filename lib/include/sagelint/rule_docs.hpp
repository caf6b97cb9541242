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

// The page for docs/rules/<ID>.md and SARIF help.markdown.
std::string rule_markdown(const RuleInfo& rule);
// docs/rules/README.md: a table of every rule, linking to its page.
std::string rule_index_markdown(std::span<const Rule* const> rules);
// The same content for a terminal: headings underlined, Markdown markup kept where it reads
// naturally (code spans, lists).
std::string rule_text(const RuleInfo& rule);

}  // namespace sagelint
