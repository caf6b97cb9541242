// GitHub code scanning's primaryLocationLineHash, computed exactly as github/codeql-action
// (src/fingerprints.ts) does, so that API uploads keep alerts stable and upload-sarif agrees
// with the values we write.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sagelint {

// One "hash:occurrence" string per line of `text` (UTF-8, decoded as Node does: a BOM is a
// character, invalid bytes become U+FFFD). Lines end at "\r\n", "\r" or "\n"; a text that
// ends with a line break has one more, empty, line. This is GitHub's algorithm as written: a
// rolling hash over the whole text.
std::vector<std::string> line_hashes(std::string_view text);

// The same strings for some lines only (1-based `lines`), without hashing the whole text. A
// line's hash is the polynomial hash of the 100 non-blank UTF-16 units from its start, so it
// is computed from there; its occurrence number counts the earlier lines with the same hash,
// and only lines whose first units match can have it, so only those are hashed in full.
// (Two lines with different first units and still the same 64-bit hash would be counted by
// GitHub and not here.) `line_starts` holds the byte offset of every line, as SourceFile
// indexes them.
std::vector<std::string> line_fingerprints(std::string_view text, std::span<const uint32_t> line_starts,
                                           std::span<const uint32_t> lines);

}  // namespace sagelint
