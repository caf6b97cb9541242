#include "sagelint/fingerprint.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <unordered_map>
#include <utility>

#include "sagelint/text.hpp"

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

std::string format_fingerprint(uint64_t hash, int occurrence) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%llx", static_cast<unsigned long long>(hash));
  return std::string(hex) + ":" + std::to_string(occurrence);
}

// The units the hash reads from a byte offset on: UTF-16 code units as Node decodes the text,
// without spaces and tabs, with "\r\n" and "\r" read as "\n"; at the end one EOF mark, then
// zeros (the rolling hash's empty window).
class HashedUnits {
 public:
  HashedUnits(std::string_view text, size_t at) : text_(text), at_(at) {}

  // True once the EOF mark has been given.
  bool exhausted() const { return ended_; }

  uint32_t next() {
    for (;;) {
      uint32_t unit = decode();
      if (unit == ' ' || unit == '\t' || (previous_was_cr_ && unit == '\n')) {
        previous_was_cr_ = false;
        continue;
      }
      previous_was_cr_ = unit == '\r';
      return previous_was_cr_ ? '\n' : unit;
    }
  }

 private:
  uint32_t decode() {
    if (low_surrogate_ != 0) return std::exchange(low_surrogate_, 0);
    if (at_ >= text_.size()) {
      if (ended_) return 0;
      ended_ = true;
      return kEndOfFile;
    }
    const auto lead = static_cast<uint8_t>(text_[at_]);
    if (lead < 0x80) {
      ++at_;
      return lead;
    }
    const Utf8Prefix sequence = utf8_prefix(text_, at_);
    if (!sequence.complete) {
      at_ += sequence.length;  // one U+FFFD for the whole broken prefix, as Node decodes it
      return 0xFFFD;
    }
    const size_t length = sequence.length;
    uint32_t code_point = lead & (length == 2 ? 0x1Fu : length == 3 ? 0x0Fu : 0x07u);
    for (size_t k = 1; k < length; ++k) code_point = (code_point << 6) | (static_cast<uint8_t>(text_[at_ + k]) & 0x3Fu);
    at_ += length;
    if (code_point <= 0xFFFF) return code_point;
    code_point -= 0x10000;
    low_surrogate_ = 0xDC00 + (code_point & 0x3FF);
    return 0xD800 + (code_point >> 10);
  }

  std::string_view text_;
  size_t at_;
  uint32_t low_surrogate_ = 0;
  bool previous_was_cr_ = false;
  bool ended_ = false;
};

// Lines whose first units differ cannot share a window; this many are compared first.
constexpr size_t kPrefixUnits = 16;

// GitHub's algorithm as written: a window of the last 100 units slides over the whole text,
// and each line's hash is the window's when it holds the 100 units from that line's start.
class RollingHasher {
 public:
  explicit RollingHasher(std::vector<std::string>& out) : out_(out) { line_numbers_.fill(-1); }

  // One unit as HashedUnits gives them (blanks and carriage returns dealt with).
  void process(uint32_t c) {
    if (line_numbers_[index_] != -1) output();
    if (at_line_start_) {
      at_line_start_ = false;
      ++line_;
      line_numbers_[index_] = line_;
    }
    if (c == '\n') at_line_start_ = true;
    update(c);
  }

  // Flushes the last lines' windows once the EOF mark was processed.
  void finish() {
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
    const auto line = static_cast<size_t>(line_numbers_[index_]);
    if (out_.size() < line) out_.resize(line);
    out_[line - 1] = format_fingerprint(hash_, ++occurrences_[hash_]);
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
};

// Hashes the units from a line start while they are plain ASCII with no carriage return
// (the common case, read here without decoding); HashedUnits takes over when they are not.
class AsciiWindow {
 public:
  AsciiWindow(std::string_view text, size_t start) : text_(text), at_(start) {}

  // Extends the hash to `count` units; false when it cannot on the fast path.
  bool extend_to(size_t count) {
    // Indentation comes in runs of spaces: skip them eight at a time.
    if (units_ == 0) {
      uint64_t word = 0;
      constexpr uint64_t kEightSpaces = 0x2020202020202020ull;
      while (at_ + sizeof word <= text_.size() && (std::memcpy(&word, text_.data() + at_, sizeof word), word == kEightSpaces)) {
        at_ += sizeof word;
      }
    }
    while (units_ < count) {
      if (at_ >= text_.size()) return false;
      const auto c = static_cast<uint8_t>(text_[at_]);
      if (c >= 0x80 || c == '\r') return false;
      ++at_;
      if (c == ' ' || c == '\t') continue;
      hash_ = kMod * hash_ + c;
      ++units_;
    }
    return true;
  }
  uint64_t hash() const { return hash_; }

 private:
  std::string_view text_;
  size_t at_;
  uint64_t hash_ = 0;
  size_t units_ = 0;
};

}  // namespace

std::vector<std::string> line_fingerprints(std::string_view text, std::span<const uint32_t> line_starts,
                                           std::span<const uint32_t> lines) {
  // The hash of the first `count` units from a line's start.
  const auto slow_hash = [&](uint32_t line, size_t count) {
    HashedUnits units(text, line_starts[line - 1]);
    uint64_t hash = 0;
    for (size_t i = 0; i < count; ++i) hash = kMod * hash + units.next();
    return hash;
  };
  const auto valid = [&](uint32_t line) { return line >= 1 && line <= line_starts.size(); };

  std::vector<uint64_t> wanted_prefixes;
  for (uint32_t line : lines) {
    if (valid(line)) wanted_prefixes.push_back(slow_hash(line, kPrefixUnits));
  }
  std::sort(wanted_prefixes.begin(), wanted_prefixes.end());
  // Most lines are not wanted. Their first unit turns many away (closing brackets, say),
  // then a bitmap of the prefixes' top bits, which fits in the L1 cache, before the binary
  // search.
  std::array<bool, 128> first_units{};
  for (uint32_t line : lines) {
    if (!valid(line)) continue;
    const uint64_t first = slow_hash(line, 1);
    if (first < first_units.size()) first_units[first] = true;
  }
  std::vector<uint64_t> maybe(1024, 0);
  const auto bit = [](uint64_t prefix) { return static_cast<size_t>((prefix * 0x9E3779B97F4A7C15ull) >> 48); };
  for (uint64_t prefix : wanted_prefixes) maybe[bit(prefix) / 64] |= uint64_t{1} << (bit(prefix) % 64);
  const auto wanted = [&](uint64_t prefix) {
    return (maybe[bit(prefix) / 64] >> (bit(prefix) % 64) & 1) != 0 &&
           std::binary_search(wanted_prefixes.begin(), wanted_prefixes.end(), prefix);
  };

  // Every line that could share a wanted line's window, in order, with its fingerprint.
  struct Candidate {
    uint32_t line;
    uint64_t hash;
    int occurrence;
  };
  std::vector<Candidate> candidates;
  for (uint32_t line = 1; valid(line); ++line) {
    AsciiWindow window(text, line_starts[line - 1]);
    if (window.extend_to(1) && !first_units[window.hash()]) continue;  // one ASCII unit's hash is the unit
    uint64_t hash = 0;
    if (window.extend_to(kPrefixUnits)) {
      if (!wanted(window.hash())) continue;
      hash = window.extend_to(kBlockSize) ? window.hash() : slow_hash(line, kBlockSize);
    } else {
      if (!wanted(slow_hash(line, kPrefixUnits))) continue;
      hash = slow_hash(line, kBlockSize);
    }
    candidates.push_back(Candidate{line, hash, 0});
  }
  // Occurrences count equal hashes in line order: sort by hash (stably, so lines stay in
  // order within a hash) and number each run.
  std::vector<Candidate*> by_hash;
  by_hash.reserve(candidates.size());
  for (Candidate& candidate : candidates) by_hash.push_back(&candidate);
  std::stable_sort(by_hash.begin(), by_hash.end(), [](const Candidate* a, const Candidate* b) { return a->hash < b->hash; });
  for (size_t i = 0; i < by_hash.size(); ++i) {
    by_hash[i]->occurrence = i > 0 && by_hash[i - 1]->hash == by_hash[i]->hash ? by_hash[i - 1]->occurrence + 1 : 1;
  }

  std::vector<std::string> out;
  out.reserve(lines.size());
  for (uint32_t line : lines) {
    const auto found = std::lower_bound(candidates.begin(), candidates.end(), line,
                                        [](const Candidate& c, uint32_t l) { return c.line < l; });
    out.push_back(found != candidates.end() && found->line == line ? format_fingerprint(found->hash, found->occurrence)
                                                                    : std::string());
  }
  return out;
}

std::vector<std::string> line_hashes(std::string_view text) {
  std::vector<std::string> hashes;
  RollingHasher hasher(hashes);
  HashedUnits units(text, 0);
  do {
    hasher.process(units.next());
  } while (!units.exhausted());
  hasher.finish();
  return hashes;
}

}  // namespace sagelint
