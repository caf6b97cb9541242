// One input file held in memory, with the line index that turns byte offsets into the
// positions editors and SARIF viewers use.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sagelint/source_text.hpp"

namespace sagelint {

// A 1-based position. Columns count UTF-16 code units, as VS Code and SARIF
// (`columnKind: utf16CodeUnits`) do: a tab is 1, a character outside the BMP is 2.
struct Position {
  uint32_t line = 1;
  uint32_t column = 1;
  friend bool operator==(const Position&, const Position&) = default;
};

// A range of text; `end` is exclusive, like SARIF's endColumn.
struct Region {
  Position begin;
  Position end;
  friend bool operator==(const Region&, const Region&) = default;
};

class SourceFile {
 public:
  // `display_path` is what users read in messages (forward slashes); `absolute_path` lets
  // reporters compute repository-relative URIs. Offsets are 32-bit: the loader rejects
  // files of 4 GiB or more before they get here.
  SourceFile(std::string display_path, std::string absolute_path, SourceText text);
  SourceFile(std::string display_path, std::string absolute_path, std::string text)
      : SourceFile(std::move(display_path), std::move(absolute_path), SourceText(std::move(text))) {}

  // The text is followed in memory by this many NUL bytes, so a parser may look a few bytes
  // past its end without a bounds check.
  static constexpr size_t kPadding = SourceText::kPadding;

  const std::string& path() const { return display_path_; }
  const std::string& absolute_path() const { return absolute_path_; }
  std::string_view text() const { return text_.view(); }
  bool has_utf8_bom() const { return bom_length_ > 0; }

  // Lines end at "\r\n", "\r" or "\n", the sequences VS Code and GitHub's hasher count.
  Position position(uint32_t offset) const;
  Region region(uint32_t begin, uint32_t end) const;
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  uint32_t line_start(uint32_t line) const { return line_starts_.at(line - 1); }
  std::span<const uint32_t> line_starts() const { return line_starts_; }
  // The text of a line without its line break.
  std::string_view line_text(uint32_t line) const;

 private:
  void index_lines(size_t size);
  void mark_columns();
  // UTF-16 code units in the text before `offset` (at a character's first byte).
  uint32_t units_before(uint32_t offset) const;

  std::string display_path_;
  std::string absolute_path_;
  SourceText text_;
  uint32_t bom_length_ = 0;
  std::vector<uint32_t> line_starts_;
  // Only for a text with a line longer than kColumnStride bytes: the UTF-16 units before a
  // character start at or after each multiple of the stride, so that a column on a long line
  // is counted from the nearest mark, not from the line's start. Without them, a finding for
  // every value of a one-line file of megabytes cost time quadratic in the line's length.
  static constexpr uint32_t kColumnStride = 4096;
  struct ColumnMark {
    uint32_t offset;
    uint32_t units;
  };
  std::vector<ColumnMark> column_marks_;
};

// Number of UTF-16 code units needed for `utf8`. Bytes that are not valid UTF-8 count as one
// unit each, as the replacement character they decode to would.
uint32_t utf16_length(std::string_view utf8);

}  // namespace sagelint
