#include "sagelint/aws_shapes.hpp"

#include <algorithm>

namespace sagelint::aws {

const Shape* find_shape(std::string_view name) {
  const auto shapes = all_shapes();  // generated in name order
  const auto it = std::lower_bound(shapes.begin(), shapes.end(), name,
                                   [](const Shape& shape, std::string_view key) { return shape.name < key; });
  return it != shapes.end() && it->name == name ? &*it : nullptr;
}

std::span<const ShapeMember> members(const Shape& structure) {
  return all_members().subspan(structure.first_member, structure.member_count);
}

const Shape* member_shape(const Shape& structure, std::string_view member) {
  // Structures have a few dozen members at most, and names rarely share length and first
  // letter: a linear scan that compares those first beats a binary search of string compares.
  if (member.empty()) return nullptr;
  for (const ShapeMember& m : members(structure)) {
    if (m.name.size() == member.size() && m.name[0] == member[0] && m.name == member) return &all_shapes()[m.shape];
  }
  return nullptr;
}

const Shape* element_shape(const Shape& list) {
  return list.element == kNoShape ? nullptr : &all_shapes()[list.element];
}

std::span<const std::string_view> enum_values(const Shape& shape) {
  return all_enum_values().subspan(shape.first_enum, shape.enum_count);
}

}  // namespace sagelint::aws
