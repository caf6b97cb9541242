#include "sagelint/ci_report.hpp"

#include <algorithm>

#include "sagelint/markup.hpp"

namespace sagelint {
namespace {

// Workflow command data: GitHub's toolkit (escapeData) writes '%' as %25 and CR and LF as
// %0D and %0A; `printable` has already shown CR and LF as \x0d and \x0a, which keeps a name
// from the inputs on the annotation's line and shows it as every other report does.
std::string command_data(std::string_view text) {
  std::string out;
  for (char c : printable(text)) {
    if (c == '%') out += "%25";
    else out += c;
  }
  return out;
}

// A property value: besides the data escapes, ':' and ',' separate properties (escapeProperty).
std::string command_property(std::string_view text) {
  std::string out;
  for (char c : command_data(text)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

std::string_view command_of(Level level) {
  switch (level) {
    case Level::error: return "error";
    case Level::warning: return "warning";
    case Level::note: return "notice";
  }
  return "notice";
}

}  // namespace

std::string github_report(const LintResult& result) {
  std::string out;
  for (const Diagnostic* error : result.errors_outside_findings()) {
    out += "::error title=sagelint::" + command_data(error->message) + "\n";
  }
  for (const Finding& finding : result.findings) {
    if (finding.suppressed) continue;
    out += "::" + std::string(command_of(finding.level)) + " ";
    const Location& at = finding.location;
    if (at.file != nullptr) {
      const Region region = at.file->region(at.begin, at.end);
      // GitHub's end column is the last column, not the one after it.
      const uint32_t last_column = region.end.column > 1 ? region.end.column - 1 : 1;
      const uint32_t end_column = region.end.line == region.begin.line ? std::max(region.begin.column, last_column)
                                                                         : last_column;
      out += "file=" + command_property(at.file->path()) + ",line=" + std::to_string(region.begin.line) +
             ",col=" + std::to_string(region.begin.column) + ",endLine=" + std::to_string(region.end.line) +
             ",endColumn=" + std::to_string(end_column) + ",";
    }
    out += "title=" + command_property(std::string(finding.rule->id) + " " + std::string(finding.rule->name)) +
           "::" + command_data(finding.message) + "\n";
  }
  return out;
}

}  // namespace sagelint
