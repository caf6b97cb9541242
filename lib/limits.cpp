#include "sagelint/limits.hpp"

#include <charconv>
#include <limits>

namespace sagelint {

std::string files_limit_message(size_t max_files) {
  if (max_files == 1) return "more than 1 file to read; only the first was read (--max-files)";
  const std::string n = std::to_string(max_files);
  return "more than " + n + " files to read; only the first " + n + " were read (--max-files)";
}

std::string findings_limit_message(size_t max_findings) {
  if (max_findings == 1) return "more than 1 finding; only the first is reported and the run fails (--max-findings)";
  const std::string n = std::to_string(max_findings);
  return "more than " + n + " findings; only the first " + n + " are reported and the run fails (--max-findings)";
}

std::string byte_size_text(uint64_t bytes) {
  constexpr const char* kUnits[] = {"GiB", "MiB", "KiB"};
  for (int i = 0; i < 3; ++i) {
    const int shift = 30 - 10 * i;
    const uint64_t unit = uint64_t{1} << shift;
    if (bytes >= unit && bytes % unit == 0) return std::to_string(bytes >> shift) + " " + kUnits[i];
  }
  return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

std::optional<uint64_t> parse_byte_size(std::string_view text) {
  uint64_t count = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
  if (error != std::errc() || end == text.data()) return std::nullopt;
  std::string_view suffix(end, static_cast<size_t>(text.data() + text.size() - end));
  int shift = 0;
  if (!suffix.empty()) {
    switch (suffix.front()) {
      case 'K': case 'k': shift = 10; break;
      case 'M': case 'm': shift = 20; break;
      case 'G': case 'g': shift = 30; break;
      default: return std::nullopt;
    }
    suffix.remove_prefix(1);
    if (suffix != "" && suffix != "B" && suffix != "iB") return std::nullopt;
  }
  if (count > (std::numeric_limits<uint64_t>::max() >> shift)) return std::nullopt;
  return count << shift;
}

}  // namespace sagelint
