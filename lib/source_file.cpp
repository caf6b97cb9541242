#include "sagelint/source_file.hpp"

#include "sagelint/text.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace sagelint {

uint32_t utf16_length(std::string_view utf8) {
  uint32_t units = 0;
  size_t i = 0;
  while (i < utf8.size()) {
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {
      ++units;
      ++i;
      continue;
    }
    const size_t length = utf8_sequence_length(utf8, i);
    if (length == 0) {
      ++units;
      ++i;
    } else {
      units += length == 4 ? 2 : 1;
      i += length;
    }
  }
  return units;
}

SourceFile::SourceFile(std::string display_path, std::string absolute_path, SourceText text)
    : display_path_(std::move(display_path)),
      absolute_path_(std::move(absolute_path)),
      text_(std::move(text)) {
  if (text_.view().size() >= UINT32_MAX - kPadding) throw std::length_error("source file of 4 GiB or more");
  if (text_.view().starts_with("\xEF\xBB\xBF")) bom_length_ = 3;
  index_lines(text_.view().size());
  uint32_t longest = 0;
  for (size_t i = 0; i < line_starts_.size(); ++i) {
    const size_t end = i + 1 < line_starts_.size() ? line_starts_[i + 1] : text_.view().size();
    longest = std::max(longest, static_cast<uint32_t>(end - line_starts_[i]));
  }
  if (longest > kColumnStride) mark_columns();
}

void SourceFile::mark_columns() {
  const std::string_view text = text_.view();
  uint32_t units = 0;
  size_t counted = 0;
  for (size_t stride = 0; stride < text.size(); stride += kColumnStride) {
    // A mark stands on a byte that is not a continuation byte: counting from the file's start
    // lands on every such byte too, so counts from a mark and from the start agree.
    size_t mark = std::max(stride, counted);
    while (stride > 0 && mark < text.size() && is_continuation_byte(text[mark])) ++mark;
    units += utf16_length(text.substr(counted, mark - counted));
    counted = mark;
    column_marks_.push_back(ColumnMark{static_cast<uint32_t>(mark), units});
  }
}

uint32_t SourceFile::units_before(uint32_t offset) const {
  const auto after = std::upper_bound(column_marks_.begin(), column_marks_.end(), offset,
                                      [](uint32_t at, const ColumnMark& mark) { return at < mark.offset; });
  const ColumnMark& mark = *(after - 1);  // the first mark is at offset 0, whatever its byte
  return mark.units + utf16_length(text().substr(mark.offset, offset - mark.offset));
}

void SourceFile::index_lines(size_t size) {
  const char* const data = text_.view().data();
  const auto find = [&](char c, size_t from, size_t to) {
    const void* hit = std::memchr(data + from, c, to - from);
    return hit ? static_cast<size_t>(static_cast<const char*>(hit) - data) : to;
  };
  line_starts_.push_back(0);
  if (find('\r', 0, size) == size) {
    // The common case: only '\n' ends lines.
    for (size_t lf = find('\n', 0, size); lf < size; lf = find('\n', lf + 1, size)) {
      line_starts_.push_back(static_cast<uint32_t>(lf + 1));
    }
    return;
  }
  // '\r' and "\r\n" end lines too. The next '\n' is remembered across lines so that a file
  // of lone '\r' stays linear.
  size_t lf = find('\n', 0, size);
  size_t i = 0;
  while (i < size) {
    if (lf < i) lf = find('\n', i, size);
    const size_t cr = find('\r', i, lf);
    size_t after = 0;
    if (cr < lf) {
      after = (cr + 1 < size && data[cr + 1] == '\n') ? cr + 2 : cr + 1;
    } else if (lf < size) {
      after = lf + 1;
    } else {
      break;
    }
    line_starts_.push_back(static_cast<uint32_t>(after));
    i = after;
  }
}

Position SourceFile::position(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text().size()));
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line_index = static_cast<uint32_t>(it - line_starts_.begin() - 1);
  uint32_t start = line_starts_[line_index];
  // A BOM is not part of the text a viewer shows (SARIF 3.30.2), so it takes no column.
  if (line_index == 0) start = std::min(bom_length_, offset);
  if (offset - start > kColumnStride && !column_marks_.empty()) {
    return Position{line_index + 1, units_before(offset) - units_before(start) + 1};
  }
  const std::string_view prefix = text().substr(start, offset - start);
  return Position{line_index + 1, utf16_length(prefix) + 1};
}

Region SourceFile::region(uint32_t begin, uint32_t end) const {
  return Region{position(begin), position(std::max(begin, end))};
}

std::string_view SourceFile::line_text(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  uint32_t start = line_starts_[line - 1];
  if (line == 1) start = bom_length_;
  uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<uint32_t>(text().size());
  const std::string_view all = text();
  while (end > start && (all[end - 1] == '\n' || all[end - 1] == '\r')) --end;
  return all.substr(start, end - start);
}

}  // namespace sagelint
