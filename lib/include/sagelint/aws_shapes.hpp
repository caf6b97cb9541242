// The SageMaker API's shapes (types, members, enums, limits) for domains, user profiles and
// spaces, generated from botocore's model by tools/gen_aws_shapes.py. They are the truth for
// field names and value types in exported documents.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace sagelint::aws {

enum class ShapeType : uint8_t { structure, list, string, integer, long_, boolean, timestamp };

inline constexpr uint16_t kNoShape = UINT16_MAX;
inline constexpr double kNoLimit = -1;

struct ShapeMember {
  std::string_view name;
  uint16_t shape;
};

struct Shape {
  std::string_view name;
  ShapeType type;
  uint16_t first_member;
  uint16_t member_count;
  uint16_t element;  // lists: the shape of each element
  uint16_t first_enum;
  uint16_t enum_count;
  double min;        // string length, list size or numeric range; kNoLimit when unset
  double max;
  std::string_view pattern;  // un-anchored, as in the model; AWS matches it against the whole value
};

std::span<const Shape> all_shapes();
std::span<const ShapeMember> all_members();
std::span<const std::string_view> all_enum_values();

const Shape* find_shape(std::string_view name);
const Shape* member_shape(const Shape& structure, std::string_view member);
const Shape* element_shape(const Shape& list);
std::span<const ShapeMember> members(const Shape& structure);
std::span<const std::string_view> enum_values(const Shape& shape);

}  // namespace sagelint::aws
