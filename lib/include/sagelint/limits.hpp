// What one run may consume. Inputs come from pull requests, so a hostile file must meet a
// clear error at a documented bound rather than exhaust memory, stack or time. Each limit has
// a command-line flag of the same name (`max_depth` is `--max-depth`), and every message
// about a limit names its flag; docs/robustness.md gives the reasons for each default.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sagelint {

struct Limits {
  // A larger file is an input error for that file; the others are still read. bench/'s
  // export of 60,100 documents is 82 MiB in one file, so 256 MiB leaves room for three times
  // that organisation. Offsets are 32-bit: no limit lets a file of 4 GiB or more through.
  uint64_t max_file_size = uint64_t{256} << 20;
  // Deeper nesting of objects, arrays, blocks, brackets or template directives is a syntax
  // error: no SageMaker document comes close, and the loaders' stacks stay small.
  size_t max_depth = 256;
  // A longer string or member name (decoded bytes; HCL: a literal piece of a template) is a
  // syntax error. A CloudFormation template body is at most 1 MB, so no real value is longer.
  size_t max_string_length = size_t{1} << 20;
  // More files than this (named or found in directories) stop the run after reading that
  // many, with an error: bench/'s one-file-per-document layout has 60,100.
  size_t max_files = 200'000;
  // More findings than this are not collected: the run says so and fails. bench/ finds 4,835
  // in 60,100 resources; a report of a quarter million findings is already unreadable.
  size_t max_findings = 250'000;
};

// The errors for a run that reached --max-files or --max-findings, which name the flag:
// "more than 2 files to read; only the first 2 were read (--max-files)".
std::string files_limit_message(size_t max_files);
std::string findings_limit_message(size_t max_findings);

// "64 MiB", "1 KiB", "1000 bytes": exact, in the largest binary unit that divides the size.
std::string byte_size_text(uint64_t bytes);

// A size as flags take it: a count of bytes, or one with a suffix K, M or G (binary units;
// KiB, MiB, GiB and KB, MB, GB mean the same). Nullopt for anything else.
std::optional<uint64_t> parse_byte_size(std::string_view text);

}  // namespace sagelint
