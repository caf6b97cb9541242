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
  const auto list = members(structure);  // generated in name order
  const auto it = std::lower_bound(list.begin(), list.end(), member,
                                   [](const ShapeMember& m, std::string_view key) { return m.name < key; });
  if (it == list.end() || it->name != member) return nullptr;
  return &all_shapes()[it->shape];
}

const Shape* element_shape(const Shape& list) {
  return list.element == kNoShape ? nullptr : &all_shapes()[list.element];
}

std::span<const std::string_view> enum_values(const Shape& shape) {
  return all_enum_values().subspan(shape.first_enum, shape.enum_count);
}

}  // namespace sagelint::aws
