// Where something is in the inputs: a byte span of a file and, when there is one, the node
// of the source tree it belongs to (for JSON Pointers and logical locations).
#pragma once

#include <cstdint>
#include <string>

#include "sagelint/source_file.hpp"
#include "sagelint/tree.hpp"

namespace sagelint {

struct Location {
  const SourceFile* file = nullptr;
  uint32_t begin = 0;
  uint32_t end = 0;
  const Tree* tree = nullptr;
  NodeId node = kNoNode;

  // The narrowest span worth underlining for a node: the token of a scalar; the member name
  // of an object or array that has one; otherwise the opening bracket. A tight, one-line
  // region is what editors underline and what GitHub shows in a pull request's diff.
  static Location of(const Tree& tree, NodeId node);
  // The member name of `node` if it has one, else as `of`.
  static Location key_of(const Tree& tree, NodeId node);
  static Location at_offset(const SourceFile& file, uint32_t begin, uint32_t end);
};

enum class Level : uint8_t { note, warning, error };
std::string_view to_string(Level level);

// Something about an input rather than about the configuration it describes: a file that
// could not be read or parsed, a duplicate key, a value of the wrong type, a skipped file.
struct Diagnostic {
  Level level = Level::error;
  Location location;
  std::string message;
};

}  // namespace sagelint
