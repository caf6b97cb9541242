#include "sagelint/source_text.hpp"

#include <utility>

#if defined(__unix__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace sagelint {

SourceText::SourceText(std::string text) : owned_(std::move(text)) {
  size_ = owned_.size();
  owned_.append(kPadding, '\0');
  data_ = owned_.data();
}

SourceText::SourceText(const char* mapped, std::size_t size, std::size_t mapped_length)
    : data_(mapped), size_(size), mapped_length_(mapped_length) {}

std::optional<SourceText> SourceText::map(int fd, std::size_t size) {
#if defined(__unix__)
  const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  if (size == 0 || page == 0) return std::nullopt;
  const std::size_t mapped_length = (size + page - 1) / page * page;
  if (mapped_length - size < kPadding) return std::nullopt;
  void* mapped = mmap(nullptr, mapped_length, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  if (mapped == MAP_FAILED) return std::nullopt;
  return SourceText(static_cast<const char*>(mapped), size, mapped_length);
#else
  (void)fd;
  (void)size;
  return std::nullopt;
#endif
}

SourceText::SourceText(SourceText&& other) noexcept { *this = std::move(other); }

SourceText& SourceText::operator=(SourceText&& other) noexcept {
  if (this == &other) return *this;
  release();
  const bool owned = other.mapped_length_ == 0;
  owned_ = std::move(other.owned_);
  size_ = other.size_;
  mapped_length_ = other.mapped_length_;
  // A moved string may keep its characters in place (or not, when short): point anew.
  data_ = owned ? owned_.data() : other.data_;
  other.data_ = nullptr;
  other.size_ = 0;
  other.mapped_length_ = 0;
  return *this;
}

SourceText::~SourceText() { release(); }

void SourceText::release() {
#if defined(__unix__)
  if (mapped_length_ != 0) munmap(const_cast<char*>(data_), mapped_length_);
#endif
  mapped_length_ = 0;
}

}  // namespace sagelint
