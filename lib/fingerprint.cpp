#include "sagelint/fingerprint.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <unordered_map>

namespace sagelint {
namespace {

constexpr uint64_t kMod = 37;
constexpr size_t kBlockSize = 100;
constexpr uint32_t kEndOfFile = 65535;

constexpr uint64_t power(uint64_t base, size_t exponent) {
  uint64_t result = 1;
  for (size_t i = 0; i < exponent; ++i) result *= base;  // wraps modulo 2^64, as intended
  return result;
}
constexpr uint64_t kFirstMod = power(kMod, kBlockSize);

// UTF-8 to UTF-16 code units, following the WHATWG decoder Node uses: each maximal invalid
// subsequence becomes one U+FFFD.
template <class Sink>
void decode_utf16(std::string_view text, Sink&& emit) {
  const auto emit_code_point = [&](uint32_t cp) {
    if (cp > 0xFFFF) {
      cp -= 0x10000;
      emit(0xD800 + (cp >> 10));
      emit(0xDC00 + (cp & 0x3FF));
    } else {
      emit(cp);
    }
  };
  uint32_t code_point = 0, needed = 0, seen = 0, lower = 0x80, upper = 0xBF;
  size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<uint8_t>(text[i]);
    if (needed == 0) {
      ++i;
      if (byte <= 0x7F) {
        emit(byte);
      } else if (byte >= 0xC2 && byte <= 0xDF) {
        needed = 1;
        code_point = byte & 0x1Fu;
      } else if (byte >= 0xE0 && byte <= 0xEF) {
        if (byte == 0xE0) lower = 0xA0;
        if (byte == 0xED) upper = 0x9F;
        needed = 2;
        code_point = byte & 0xFu;
      } else if (byte >= 0xF0 && byte <= 0xF4) {
        if (byte == 0xF0) lower = 0x90;
        if (byte == 0xF4) upper = 0x8F;
        needed = 3;
        code_point = byte & 0x7u;
      } else {
        emit(0xFFFD);
      }
      continue;
    }
    if (byte < lower || byte > upper) {
      code_point = needed = seen = 0;
      lower = 0x80;
      upper = 0xBF;
      emit(0xFFFD);
      continue;  // the byte is decoded again as the start of a sequence
    }
    ++i;
    lower = 0x80;
    upper = 0xBF;
    code_point = (code_point << 6) | (byte & 0x3Fu);
    if (++seen == needed) {
      emit_code_point(code_point);
      code_point = needed = seen = 0;
    }
  }
  if (needed != 0) emit(0xFFFD);
}

class RollingHasher {
 public:
  explicit RollingHasher(std::vector<std::string>& out) : out_(out) { line_numbers_.fill(-1); }

  void process(uint32_t c) {
    if (c == ' ' || c == '\t' || (previous_was_cr_ && c == '\n')) {
      previous_was_cr_ = false;
      return;
    }
    if (c == '\r') {
      c = '\n';
      previous_was_cr_ = true;
    } else {
      previous_was_cr_ = false;
    }
    if (line_numbers_[index_] != -1) output();
    if (at_line_start_) {
      at_line_start_ = false;
      ++line_;
      line_numbers_[index_] = line_;
    }
    if (c == '\n') at_line_start_ = true;
    update(c);
  }

  void finish() {
    process(kEndOfFile);
    for (size_t i = 0; i < kBlockSize; ++i) {
      if (line_numbers_[index_] != -1) output();
      update(0);
    }
  }

 private:
  void update(uint32_t c) {
    const uint64_t leaving = window_[index_];
    window_[index_] = c;
    hash_ = kMod * hash_ + c - kFirstMod * leaving;
    index_ = (index_ + 1) % kBlockSize;
  }

  void output() {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%llx", static_cast<unsigned long long>(hash_));
    const int occurrence = ++occurrences_[hash_];
    const auto line = static_cast<size_t>(line_numbers_[index_]);
    if (out_.size() < line) out_.resize(line);
    out_[line - 1] = std::string(hex) + ":" + std::to_string(occurrence);
    line_numbers_[index_] = -1;
  }

  std::vector<std::string>& out_;
  std::array<uint64_t, kBlockSize> window_{};
  std::array<int64_t, kBlockSize> line_numbers_{};
  std::unordered_map<uint64_t, int> occurrences_;
  uint64_t hash_ = 0;
  size_t index_ = 0;
  int64_t line_ = 0;
  bool at_line_start_ = true;
  bool previous_was_cr_ = false;
};

}  // namespace

std::vector<std::string> line_hashes(std::string_view text) {
  std::vector<std::string> hashes;
  RollingHasher hasher(hashes);
  decode_utf16(text, [&](uint32_t unit) { hasher.process(unit); });
  hasher.finish();
  return hashes;
}

}  // namespace sagelint
