#include "sagelint/source_file.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace sagelint {
namespace {

// Length of the UTF-8 sequence starting at `s[i]`, or 0 if it is not a valid sequence.
size_t utf8_sequence_length(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  size_t length = 0;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  else if (lead >= 0xE0 && lead <= 0xEF) length = 3;
  else if (lead >= 0xF0 && lead <= 0xF4) length = 4;
  else return 0;
  if (i + length > s.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  const unsigned char second = byte(i + 1);
  if (lead == 0xE0 && second < 0xA0) return 0;  // overlong
  if (lead == 0xED && second > 0x9F) return 0;  // surrogate
  if (lead == 0xF0 && second < 0x90) return 0;  // overlong
  if (lead == 0xF4 && second > 0x8F) return 0;  // above U+10FFFF
  return length;
}

}  // namespace

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

SourceFile::SourceFile(std::string display_path, std::string absolute_path, std::string text)
    : display_path_(std::move(display_path)),
      absolute_path_(std::move(absolute_path)),
      text_(std::move(text)) {
  if (text_.size() >= UINT32_MAX) throw std::length_error("source file of 4 GiB or more");
  if (text_.starts_with("\xEF\xBB\xBF")) bom_length_ = 3;
  line_starts_.push_back(0);
  const char* const data = text_.data();
  const size_t size = text_.size();
  size_t i = 0;
  while (i < size) {
    // memchr for '\n' is the fast path; '\r' alone is rare but must count as a break too.
    const void* next_lf = std::memchr(data + i, '\n', size - i);
    const size_t lf = next_lf ? static_cast<size_t>(static_cast<const char*>(next_lf) - data) : size;
    const void* next_cr = std::memchr(data + i, '\r', lf - i);
    if (next_cr) {
      const size_t cr = static_cast<size_t>(static_cast<const char*>(next_cr) - data);
      const size_t after = (cr + 1 < size && data[cr + 1] == '\n') ? cr + 2 : cr + 1;
      line_starts_.push_back(static_cast<uint32_t>(after));
      i = after;
      continue;
    }
    if (lf == size) break;
    line_starts_.push_back(static_cast<uint32_t>(lf + 1));
    i = lf + 1;
  }
}

Position SourceFile::position(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line_index = static_cast<uint32_t>(it - line_starts_.begin() - 1);
  uint32_t start = line_starts_[line_index];
  // A BOM is not part of the text a viewer shows (SARIF 3.30.2), so it takes no column.
  if (line_index == 0) start = std::min(bom_length_, offset);
  const std::string_view prefix(text_.data() + start, offset - start);
  return Position{line_index + 1, utf16_length(prefix) + 1};
}

Region SourceFile::region(uint32_t begin, uint32_t end) const {
  return Region{position(begin), position(std::max(begin, end))};
}

std::string_view SourceFile::line_text(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  uint32_t start = line_starts_[line - 1];
  if (line == 1) start = bom_length_;
  uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<uint32_t>(text_.size());
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return std::string_view(text_).substr(start, end - start);
}

}  // namespace sagelint
