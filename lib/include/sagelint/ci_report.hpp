// Formats for CI systems: JUnit XML (one test case per rule and resource) and GitHub Actions
// workflow commands (one annotation per open finding).
#pragma once

#include <optional>
#include <string>

#include "sagelint/lint.hpp"

namespace sagelint {

// JUnit XML as Jenkins, GitLab and most CI systems read it: a test suite per rule evaluated,
// a test case per rule and resource it applies to (domains, user profiles, spaces; files for
// input problems and justifications), failed by its open findings at or above `fail_level`
// (none: never), skipped when justified or when the rule could not check the resource. The
// errors no finding reports (a limit reached, a path that does not exist) are the errored
// test cases of a last suite, "sagelint run".
std::string junit_report(const LintResult& result, std::optional<Level> fail_level);

// "::error file=…,line=…,col=…,endLine=…,endColumn=…,title=SMD007 default-landing-studio::message"
// per open finding (errors as error, warnings as warning, notes as notice), escaped as the
// workflow command syntax requires. The errors no finding reports come first, as
// "::error title=sagelint::message".
std::string github_report(const LintResult& result);

}  // namespace sagelint
