// The text format: what a person reads in a terminal, one finding per entry in the
// compiler style editors already understand, with the source line and a caret.
#pragma once

#include <string>

#include "sagelint/lint.hpp"

namespace sagelint {

struct TextStyle {
  bool color = false;
  bool show_suppressed = false;  // list justified findings too, with their justification
};

// Findings (not the suppressed ones, and not unreadable files, which go to stderr), then a
// summary line.
std::string text_report(const LintResult& result, const TextStyle& style);

// Problems with the inputs themselves, for stderr: files that could not be read or parsed
// (with the source line) and notes (skipped files, missing domains).
std::string input_diagnostics_text(const Model& model, const TextStyle& style);

}  // namespace sagelint
