// The bytes of an input in memory, followed by a few NUL bytes so that a parser may read a
// little past the end without a bounds check.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sagelint {

class SourceText {
 public:
  static constexpr std::size_t kPadding = 4;

  SourceText() : SourceText(std::string()) {}
  // Owns `text`, with the padding added (reserve it in `text` to spare a copy).
  explicit SourceText(std::string text);
  // Maps the first `size` bytes of the open file `fd` read-only: no copy, and no fresh memory
  // to zero, which for a large export costs more than parsing it. The bytes after the end of
  // a file up to the end of its last page read as zeros, so this needs no padding of its own
  // and gives nullopt when that room is too short (or mapping fails).
  static std::optional<SourceText> map(int fd, std::size_t size);

  SourceText(SourceText&& other) noexcept;
  SourceText& operator=(SourceText&& other) noexcept;
  SourceText(const SourceText&) = delete;
  SourceText& operator=(const SourceText&) = delete;
  ~SourceText();

  std::string_view view() const { return std::string_view(data_, size_); }

 private:
  SourceText(const char* mapped, std::size_t size, std::size_t mapped_length);
  void release();

  std::string owned_;
  const char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t mapped_length_ = 0;  // non-zero for a mapping
};

}  // namespace sagelint
