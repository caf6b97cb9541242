#include "sagelint/text_report.hpp"

#include <algorithm>

#include "sagelint/markup.hpp"
#include "sagelint/text.hpp"

namespace sagelint {
namespace {

struct Palette {
  std::string_view bold, error, warning, note, dim, caret, reset;
};

Palette palette(const TextStyle& style) {
  if (!style.color) return {};
  return {"\x1b[1m", "\x1b[1;31m", "\x1b[1;35m", "\x1b[1;36m", "\x1b[2m", "\x1b[1;32m", "\x1b[0m"};
}

std::string_view level_color(const Palette& p, Level level) {
  switch (level) {
    case Level::error: return p.error;
    case Level::warning: return p.warning;
    case Level::note: return p.note;
  }
  return {};
}

// "path:line:col: level: message"
void append_header(std::string& out, const Palette& p, const Location& at, Level level, std::string_view message) {
  out += p.bold;
  if (at.file) {
    const Position begin = at.file->position(at.begin);
    out += printable(at.file->path()) + ":" + std::to_string(begin.line) + ":" + std::to_string(begin.column) + ": ";
  } else {
    out += "sagelint: ";
  }
  out += p.reset;
  out += level_color(p, level);
  out += to_string(level);
  out += ":";
  out += p.reset;
  out += " ";
  out += p.bold;
  out += printable(message);
  out += p.reset;
}

// A line wider than this is shown as a window around the span, with "…" where it is cut: a
// minified template's one line, or a hostile one of megabytes, would otherwise flood the
// terminal. The window starts a little before the span, so the caret keeps some context.
constexpr size_t kMaxFrameColumns = 160;
constexpr size_t kColumnsBeforeSpan = 40;

size_t code_points(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation_byte(c); }));
}

// The byte offset of code point `n` of UTF-8 `text`, or its size when it has fewer.
size_t offset_of_code_point(std::string_view text, size_t n) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (!is_continuation_byte(text[i]) && n-- == 0) return i;
  }
  return text.size();
}

// The escaped line in three parts, before, under and after the span, cut to the window.
struct CodeFrameLine {
  std::string before, under, after;
  bool cut_left = false, cut_right = false;
};

// The last `n` characters of UTF-8 `text` (all of it when it has fewer).
std::string_view last_characters(std::string_view text, size_t n) {
  size_t i = text.size();
  while (i > 0 && n > 0) {
    --i;
    if (!is_continuation_byte(text[i])) --n;
  }
  return text.substr(i);
}

std::string_view first_characters(std::string_view text, size_t n) {
  return text.substr(0, offset_of_code_point(text, n));
}

CodeFrameLine frame_line(std::string_view line, size_t start, size_t stop) {
  // A character takes at least one column once escaped, so no more than kMaxFrameColumns of
  // them on either side of the span can be shown: only those are escaped, however long the
  // line, and a finding on a line of megabytes costs no more than one on a short line.
  const std::string_view before = last_characters(line.substr(0, start), kMaxFrameColumns);
  const std::string_view under = first_characters(line.substr(start, stop - start), kMaxFrameColumns);
  const std::string_view after = first_characters(line.substr(stop), kMaxFrameColumns);
  const bool cut = before.size() < start || under.size() < stop - start || after.size() < line.size() - stop;
  CodeFrameLine frame{printable(before), printable(under), printable(after), before.size() < start, false};
  const size_t before_columns = code_points(frame.before);
  if (!cut && before_columns + code_points(frame.under) + code_points(frame.after) <= kMaxFrameColumns) return frame;
  if (before_columns > kColumnsBeforeSpan) {
    frame.before.erase(0, offset_of_code_point(frame.before, before_columns - kColumnsBeforeSpan));
    frame.cut_left = true;
  }
  size_t room = kMaxFrameColumns - std::min(before_columns, kColumnsBeforeSpan);
  const size_t under_end = offset_of_code_point(frame.under, room);
  if (under_end < frame.under.size() || under.size() < stop - start) {
    frame.under.resize(under_end);
    frame.after.clear();
    frame.cut_right = true;
    return frame;
  }
  room -= code_points(frame.under);
  const size_t after_end = offset_of_code_point(frame.after, room);
  frame.cut_right = after_end < frame.after.size() || after.size() < line.size() - stop;
  frame.after.resize(after_end);
  return frame;
}

// The source line and a caret under the span, like compilers print:
//    12 |     "DefaultLandingUri": "app:JupyterServer:",
//       |                          ^~~~~~~~~~~~~~~~~~~~
void append_code_frame(std::string& out, const Palette& p, const Location& at) {
  if (!at.file || at.file->text().empty()) return;
  const SourceFile& file = *at.file;
  const Position begin = file.position(at.begin);
  const std::string_view line = file.line_text(begin.line);
  const uint32_t line_start = begin.line == 1 ? (file.has_utf8_bom() ? 3u : 0u) : file.line_start(begin.line);
  const size_t start = std::min<size_t>(at.begin - line_start, line.size());
  const size_t stop = std::clamp<size_t>(at.end > line_start ? at.end - line_start : start, start, line.size());

  // Control characters from the input are shown escaped, never sent to the terminal; the
  // caret is placed under the escaped text.
  const CodeFrameLine frame = frame_line(line, start, stop);
  const std::string_view ellipsis = "…";
  const std::string number = std::to_string(begin.line);
  const std::string gutter(number.size(), ' ');
  out.append(p.dim).append(" ").append(number).append(" | ").append(p.reset);
  if (frame.cut_left) out += ellipsis;
  out.append(frame.before).append(frame.under).append(frame.after);
  if (frame.cut_right) out += ellipsis;
  out += "\n";
  out.append(p.dim).append(" ").append(gutter).append(" | ").append(p.reset);
  if (frame.cut_left) out += ' ';
  // Keep tabs so the caret lines up however the terminal expands them; one space per
  // character otherwise.
  for (char c : frame.before) {
    if (c == '\t') out += '\t';
    else if (!is_continuation_byte(c)) out += ' ';
  }
  out += p.caret;
  out += '^';
  const size_t width = code_points(frame.under);
  if (width > 1) out += std::string(width - 1, '~');
  out += p.reset;
  out += "\n";
}

std::string summary_line(const LintResult& result, bool suppressed_shown) {
  const FindingCounts counts = count_findings(result.findings);
  std::vector<std::string> parts;
  if (counts.errors) parts.push_back(count_of(counts.errors, "error", "errors"));
  if (counts.warnings) parts.push_back(count_of(counts.warnings, "warning", "warnings"));
  if (counts.notes) parts.push_back(count_of(counts.notes, "note", "notes"));
  std::string line;
  if (parts.empty()) {
    line = "no problems found";
  } else {
    for (size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) line += i + 1 == parts.size() ? " and " : ", ";
      line += parts[i];
    }
  }
  line += " in " + count_of(result.files_read(), "file", "files");
  if (counts.suppressed) {
    line += "; " + std::to_string(counts.suppressed) + (suppressed_shown ? " justified" : " justified and not shown");
  }
  const size_t expired = static_cast<size_t>(std::count_if(
      result.findings.begin(), result.findings.end(), [](const Finding& f) { return f.justification_expired; }));
  if (expired) line += "; " + std::to_string(expired) + " with an expired justification";
  if (result.baseline) {
    // Only new findings are news: say how many, and how many of the baseline's are gone.
    size_t fresh = 0;
    for (size_t i = 0; i < result.findings.size() && i < result.baseline->states.size(); ++i) {
      fresh += !result.findings[i].suppressed && result.baseline->states[i] == BaselineState::new_finding;
    }
    line += "; " + std::to_string(fresh) + " new since the baseline";
    if (const size_t gone = result.baseline->count(BaselineState::absent)) {
      line += ", " + std::to_string(gone) + " of its findings gone";
    }
  }
  if (result.inputs_failed()) {
    line += "; " + count_of(result.inputs_failed(), "input", "inputs") + " could not be read (see above)";
  }
  if (!result.complete()) line += "; incomplete: a limit was reached (see above)";
  return line + "\n";
}

}  // namespace

std::string text_report(const LintResult& result, const TextStyle& style) {
  const Palette p = palette(style);
  std::string out;
  for (const Finding& finding : result.findings) {
    if (finding.unreadable_input || (finding.suppressed && !style.show_suppressed)) continue;
    append_header(out, p, finding.location, finding.level, finding.message);
    out += " ";
    out += p.dim;
    out += "[" + std::string(finding.rule->id) + " " + std::string(finding.rule->name) + "]";
    out += p.reset;
    out += "\n";
    if (finding.suppressed) {
      out += p.dim;
      out += finding.suppressed_externally ? "  = suppressed by a waiver: " : "  = suppressed by a justification: ";
      out += printable(justification_text(finding.justification));
      out += p.reset;
      out += "\n";
    }
    append_code_frame(out, p, finding.location);
  }
  out += summary_line(result, style.show_suppressed);
  return out;
}

std::string input_diagnostics_text(const Model& model, const TextStyle& style) {
  const Palette p = palette(style);
  std::string out;
  for (const Diagnostic& limit : model.limits_reached) {
    append_header(out, p, limit.location, limit.level, limit.message);
    out += "\n";
  }
  for (const Diagnostic& failure : model.load_failures) {
    append_header(out, p, failure.location, failure.level, failure.message);
    out += "\n";
    append_code_frame(out, p, failure.location);
  }
  for (const Diagnostic& note : model.notes) {
    append_header(out, p, note.location, note.level, note.message);
    out += "\n";
  }
  return out;
}

}  // namespace sagelint
