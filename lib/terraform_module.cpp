#include "sagelint/terraform_module.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "sagelint/terraform_names.hpp"
#include "sagelint/text.hpp"

namespace sagelint {
namespace {

// A value an expression has, once evaluated; `defaults` names the variable defaults it relies on.
struct TfValue {
  enum class Kind : uint8_t { unknown, null, boolean, number, string, tuple, object };
  Kind kind = Kind::unknown;
  bool boolean = false;
  double number = 0;
  std::string text;
  std::vector<TfValue> items;                            // tuple
  std::vector<std::pair<std::string, TfValue>> members;  // object, in written order
  std::vector<std::string> defaults;

  // Declared, so clang 14 with libstdc++ 12 does not define the implicit constructor while
  // std::pair<std::string, TfValue> is still incomplete (it rejects the file otherwise); GCC
  // needs no help. Still implicitly copyable and movable.
  TfValue() = default;

  static TfValue of(Kind kind) {
    TfValue v;
    v.kind = kind;
    return v;
  }
  static TfValue of_string(std::string text) {
    TfValue v = of(Kind::string);
    v.text = std::move(text);
    return v;
  }
  static TfValue of_bool(bool value) {
    TfValue v = of(Kind::boolean);
    v.boolean = value;
    return v;
  }
  static TfValue of_number(double value) {
    TfValue v = of(Kind::number);
    v.number = value;
    return v;
  }
  bool known() const { return kind != Kind::unknown; }
  // Merges what another value relies on into this one.
  TfValue& relying_on(const TfValue& other) {
    for (const std::string& d : other.defaults) {
      if (std::find(defaults.begin(), defaults.end(), d) == defaults.end()) defaults.push_back(d);
    }
    return *this;
  }
  const TfValue* member(std::string_view name) const {
    for (const auto& [key, value] : members) {
      if (key == name) return &value;
    }
    return nullptr;
  }
};

bool operator==(const TfValue& a, const TfValue& b) {
  if (a.kind != b.kind || a.kind == TfValue::Kind::unknown) return false;
  switch (a.kind) {
    case TfValue::Kind::boolean: return a.boolean == b.boolean;
    case TfValue::Kind::number: return a.number == b.number;
    case TfValue::Kind::string: return a.text == b.text;
    case TfValue::Kind::tuple: return a.items == b.items;
    case TfValue::Kind::object: {
      if (a.members.size() != b.members.size()) return false;
      for (const auto& [key, value] : a.members) {
        const TfValue* other = b.member(key);
        if (other == nullptr || !(*other == value)) return false;
      }
      return true;
    }
    default: return true;  // null
  }
}

// A string, number or boolean as a template shows it.
std::optional<std::string> as_text(const TfValue& value) {
  switch (value.kind) {
    case TfValue::Kind::string: return value.text;
    case TfValue::Kind::number: return number_as_text(value.number);
    case TfValue::Kind::boolean: return value.boolean ? "true" : "false";
    default: return std::nullopt;
  }
}

struct Declaration {
  size_t file;
  HclNodeId node;
};

// How many locals may be evaluated one inside another.
constexpr size_t kMaxLocalChain = 64;

bool is_resource_block(const HclFile& file, HclNodeId item) {
  return file.node(item).kind == HclKind::block && file.text(item) == "resource";
}

// Evaluates the expressions of one module: its variables' defaults and its locals are shared
// by every file.
class ModuleEvaluator {
 public:
  explicit ModuleEvaluator(std::span<const TerraformFile> files) : files_(files) {
    size_t bytes = 0;
    for (size_t i = 0; i < files.size(); ++i) {
      const HclFile& file = *files[i].hcl;
      bytes += file.source().text().size();
      for (HclNodeId item : file.children(file.root())) {
        const HclNode& n = file.node(item);
        if (n.kind != HclKind::block) continue;
        const std::string_view type = file.text(item);
        const std::vector<HclNodeId> labels = file.labels(item);
        if (type == "variable" && labels.size() == 1) variables_.emplace(file.text(labels[0]), Declaration{i, item});
        if (type == "locals") {
          for (HclNodeId local : file.children(file.body(item))) {
            if (file.node(local).kind == HclKind::attribute) locals_.emplace(file.text(local), Declaration{i, local});
          }
        }
      }
    }
    // Text built by templates and functions: generous for any module, bounded for any input.
    budget_ = 64 * bytes + (1u << 20);
  }

  TfValue evaluate(size_t file_index, HclNodeId expression) {
    const HclFile& file = *files_[file_index].hcl;
    const HclNode& n = file.node(expression);
    switch (n.kind) {
      case HclKind::number: return TfValue::of_number(n.number);
      case HclKind::boolean: return TfValue::of_bool(n.boolean);
      case HclKind::null: return TfValue::of(TfValue::Kind::null);
      case HclKind::template_expression: return evaluate_template(file_index, expression);
      case HclKind::traversal: return evaluate_traversal(file_index, expression);
      case HclKind::relative_traversal: {
        TfValue base = evaluate(file_index, n.first_child);
        return apply_steps(file_index, std::move(base), file.node(n.first_child).next_sibling);
      }
      case HclKind::parentheses: return evaluate(file_index, n.first_child);
      case HclKind::tuple: {
        TfValue tuple = TfValue::of(TfValue::Kind::tuple);
        for (HclNodeId item : file.children(expression)) {
          tuple.items.push_back(evaluate(file_index, item));
          tuple.relying_on(tuple.items.back());
        }
        return tuple;
      }
      case HclKind::object: return evaluate_object(file_index, expression);
      case HclKind::function_call: return evaluate_call(file_index, expression);
      case HclKind::unary: return evaluate_unary(file_index, expression);
      case HclKind::binary: return evaluate_binary(file_index, expression);
      case HclKind::conditional: return evaluate_conditional(file_index, expression);
      default: return {};  // for expressions, splats: known only when planned
    }
  }

  // The name of an object key or a literal key expression, if it is known.
  std::optional<std::string> key_text(size_t file_index, HclNodeId key) {
    const HclFile& file = *files_[file_index].hcl;
    if (file.node(key).kind == HclKind::name) return std::string(file.text(key));
    const TfValue value = evaluate(file_index, file.unwrap(key));
    return as_text(value);
  }

 private:
  bool spend(size_t bytes) {
    if (bytes > budget_) {
      budget_ = 0;
      return false;
    }
    budget_ -= bytes;
    return true;
  }

  TfValue evaluate_template(size_t file_index, HclNodeId expression) {
    const HclFile& file = *files_[file_index].hcl;
    const HclNodeId unwrapped = file.unwrap(expression);
    if (unwrapped != expression) return evaluate(file_index, unwrapped);  // "${x}" is x itself
    TfValue result = TfValue::of(TfValue::Kind::string);
    for (HclNodeId part : file.children(expression)) {
      const HclNode& p = file.node(part);
      if (p.kind == HclKind::template_literal) {
        result.text += file.text(part);
        continue;
      }
      if (p.kind != HclKind::interpolation) return {};  // %{if} and %{for} directives
      const TfValue value = evaluate(file_index, p.first_child);
      const std::optional<std::string> text = as_text(value);
      if (!text) return {};
      result.text += *text;
      result.relying_on(value);
    }
    if (!spend(result.text.size())) return {};
    return result;
  }

  TfValue evaluate_traversal(size_t file_index, HclNodeId expression) {
    const HclFile& file = *files_[file_index].hcl;
    const std::string_view root = file.text(expression);
    const HclNodeId first = file.node(expression).first_child;
    if (first == kNoHclNode || file.node(first).kind != HclKind::attribute_step) return {};
    const std::string_view name = file.text(first);
    if (in_variable_default_) return {};
    TfValue value;
    if (root == "var") value = variable(name);
    else if (root == "local") value = local(name);
    else return {};  // resources, data sources, modules, count, each, path: known only when planned
    return apply_steps(file_index, std::move(value), file.node(first).next_sibling);
  }

  TfValue apply_steps(size_t file_index, TfValue value, HclNodeId step) {
    const HclFile& file = *files_[file_index].hcl;
    for (; step != kNoHclNode; step = file.node(step).next_sibling) {
      const HclNode& s = file.node(step);
      TfValue next;
      if (s.kind == HclKind::attribute_step && value.kind == TfValue::Kind::object) {
        if (const TfValue* member = value.member(file.text(step))) next = *member;
      } else if (s.kind == HclKind::index_step) {
        const TfValue key = evaluate(file_index, s.first_child);
        if (key.kind == TfValue::Kind::number && value.kind == TfValue::Kind::tuple && key.number >= 0 &&
            key.number < static_cast<double>(value.items.size())) {
          next = value.items[static_cast<size_t>(key.number)];
        } else if (key.kind == TfValue::Kind::string && value.kind == TfValue::Kind::object) {
          if (const TfValue* member = value.member(key.text)) next = *member;
        }
        next.relying_on(key);
      }
      if (!next.known()) return {};
      value = std::move(next.relying_on(value));
    }
    return value;
  }

  const TfValue& variable(std::string_view name) {
    const std::string key(name);
    if (const auto it = variable_values_.find(key); it != variable_values_.end()) return it->second;
    TfValue value;
    if (const auto it = variables_.find(key); it != variables_.end()) {
      const HclFile& file = *files_[it->second.file].hcl;
      const HclNodeId fallback = file.attribute(file.body(it->second.node), "default");
      if (fallback != kNoHclNode) {
        // Terraform allows no references in a default ("Variables not allowed"): evaluating
        // them would follow `default = var.self` round and round until the stack runs out.
        in_variable_default_ = true;
        value = evaluate(it->second.file, file.value(fallback));
        in_variable_default_ = false;
        if (value.known()) {
          const Position at = file.source().position(file.node(it->second.node).begin);
          value.defaults.push_back("the default of variable " + quoted(name) + " (" + file.source().path() + ":" +
                                   std::to_string(at.line) + ")");
        }
      }
    }
    return variable_values_.emplace(key, std::move(value)).first->second;
  }

  TfValue local(std::string_view name) {
    const std::string key(name);
    if (const auto it = local_values_.find(key); it != local_values_.end()) return it->second;
    const auto declaration = locals_.find(key);
    // A local that refers to itself, directly or not, is an error for Terraform: unknown here.
    // So is a chain of locals deeper than any module writes, which would otherwise cost stack.
    if (declaration == locals_.end() || locals_in_progress_.size() >= kMaxLocalChain ||
        !locals_in_progress_.insert(key).second) {
      return {};
    }
    const HclFile& file = *files_[declaration->second.file].hcl;
    TfValue value = evaluate(declaration->second.file, file.value(declaration->second.node));
    locals_in_progress_.erase(key);
    return local_values_.emplace(key, std::move(value)).first->second;
  }

  TfValue evaluate_object(size_t file_index, HclNodeId expression) {
    const HclFile& file = *files_[file_index].hcl;
    TfValue object = TfValue::of(TfValue::Kind::object);
    for (HclNodeId item : file.children(expression)) {
      const HclNodeId key = file.node(item).first_child;
      const std::optional<std::string> name = key_text(file_index, key);
      if (!name) return {};
      TfValue value = evaluate(file_index, file.node(key).next_sibling);
      object.relying_on(value);
      object.members.emplace_back(*name, std::move(value));
    }
    return object;
  }

  // The pure functions whose result a plan would show for known arguments.
  TfValue evaluate_call(size_t file_index, HclNodeId expression) {
    const HclFile& file = *files_[file_index].hcl;
    const std::string_view name = file.text(expression);
    if (file.node(expression).has(kExpandFinal)) return {};
    std::vector<TfValue> arguments;
    TfValue relied;
    for (HclNodeId argument : file.children(expression)) {
      arguments.push_back(evaluate(file_index, argument));
      if (!arguments.back().known()) return {};
      relied.relying_on(arguments.back());
    }
    TfValue result;
    if ((name == "tolist" || name == "toset" || name == "tostring") && arguments.size() == 1) {
      result = arguments[0];
    } else if ((name == "lower" || name == "upper") && arguments.size() == 1 &&
               arguments[0].kind == TfValue::Kind::string) {
      // ASCII only, as to_lower: no setting a rule reads needs more.
      result = TfValue::of_string(arguments[0].text);
      for (char& c : result.text) {
        const auto byte = static_cast<unsigned char>(c);
        c = static_cast<char>(name == "lower" ? std::tolower(byte) : std::toupper(byte));
      }
    } else if (name == "join" && arguments.size() >= 2 && arguments[0].kind == TfValue::Kind::string) {
      result = TfValue::of_string("");
      bool first = true;
      for (size_t i = 1; i < arguments.size(); ++i) {
        if (arguments[i].kind != TfValue::Kind::tuple) return {};
        for (const TfValue& item : arguments[i].items) {
          const std::optional<std::string> text = as_text(item);
          if (!text) return {};
          result.text += (first ? "" : arguments[0].text) + *text;
          first = false;
        }
      }
      if (!spend(result.text.size())) return {};
    } else if (name == "concat") {
      result = TfValue::of(TfValue::Kind::tuple);
      for (const TfValue& list : arguments) {
        if (list.kind != TfValue::Kind::tuple) return {};
        result.items.insert(result.items.end(), list.items.begin(), list.items.end());
      }
    } else {
      return {};
    }
    return result.relying_on(relied);
  }

  TfValue evaluate_unary(size_t file_index, HclNodeId expression) {
    const HclFile& file = *files_[file_index].hcl;
    const TfValue operand = evaluate(file_index, file.node(expression).first_child);
    TfValue result;
    if (file.node(expression).op == HclOperator::negate && operand.kind == TfValue::Kind::number) {
      result = TfValue::of_number(-operand.number);
    } else if (file.node(expression).op == HclOperator::logical_not && operand.kind == TfValue::Kind::boolean) {
      result = TfValue::of_bool(!operand.boolean);
    }
    return result.known() ? result.relying_on(operand) : result;
  }

  TfValue evaluate_binary(size_t file_index, HclNodeId expression) {
    const HclFile& file = *files_[file_index].hcl;
    const HclNode& n = file.node(expression);
    const TfValue left = evaluate(file_index, n.first_child);
    const TfValue right = evaluate(file_index, file.node(n.first_child).next_sibling);
    if (!left.known() || !right.known()) return {};
    TfValue result;
    const bool numbers = left.kind == TfValue::Kind::number && right.kind == TfValue::Kind::number;
    const bool booleans = left.kind == TfValue::Kind::boolean && right.kind == TfValue::Kind::boolean;
    switch (n.op) {
      case HclOperator::equal: result = TfValue::of_bool(left == right); break;
      case HclOperator::not_equal: result = TfValue::of_bool(!(left == right)); break;
      case HclOperator::logical_and: if (booleans) result = TfValue::of_bool(left.boolean && right.boolean); break;
      case HclOperator::logical_or: if (booleans) result = TfValue::of_bool(left.boolean || right.boolean); break;
      case HclOperator::add: if (numbers) result = TfValue::of_number(left.number + right.number); break;
      case HclOperator::subtract: if (numbers) result = TfValue::of_number(left.number - right.number); break;
      case HclOperator::multiply: if (numbers) result = TfValue::of_number(left.number * right.number); break;
      case HclOperator::less: if (numbers) result = TfValue::of_bool(left.number < right.number); break;
      case HclOperator::less_or_equal: if (numbers) result = TfValue::of_bool(left.number <= right.number); break;
      case HclOperator::greater: if (numbers) result = TfValue::of_bool(left.number > right.number); break;
      case HclOperator::greater_or_equal: if (numbers) result = TfValue::of_bool(left.number >= right.number); break;
      default: break;  // division and modulo: not needed to decide a setting
    }
    return result.known() ? result.relying_on(left).relying_on(right) : result;
  }

  TfValue evaluate_conditional(size_t file_index, HclNodeId expression) {
    const HclFile& file = *files_[file_index].hcl;
    const HclNodeId condition = file.node(expression).first_child;
    const HclNodeId when_true = file.node(condition).next_sibling;
    const HclNodeId when_false = file.node(when_true).next_sibling;
    const TfValue decided = evaluate(file_index, condition);
    if (decided.kind == TfValue::Kind::boolean) {
      TfValue result = evaluate(file_index, decided.boolean ? when_true : when_false);
      return result.known() ? result.relying_on(decided) : result;
    }
    TfValue first = evaluate(file_index, when_true);
    const TfValue second = evaluate(file_index, when_false);
    if (!(first == second)) return {};
    return first.relying_on(second);
  }

  std::span<const TerraformFile> files_;
  std::unordered_map<std::string, Declaration> variables_;
  std::unordered_map<std::string, Declaration> locals_;
  std::unordered_map<std::string, TfValue> variable_values_;
  std::unordered_map<std::string, TfValue> local_values_;
  std::unordered_set<std::string> locals_in_progress_;
  bool in_variable_default_ = false;
  size_t budget_ = 0;
};

bool is_meta_argument(std::string_view name) {
  return name == "count" || name == "for_each" || name == "provider" || name == "depends_on" || name == "tags_all";
}

bool is_meta_block(std::string_view type) {
  return type == "lifecycle" || type == "provisioner" || type == "connection";
}

const aws::Shape* element_or_self(const aws::Shape* shape) {
  if (shape != nullptr && shape->type == aws::ShapeType::list) return aws::element_shape(*shape);
  return shape;
}

// Writes the SageMaker resources of one file into its evaluated tree.
class ResourceWriter {
 public:
  ResourceWriter(size_t file_index, const HclFile& file, ModuleEvaluator& evaluator, TreeBuilder& builder)
      : file_index_(file_index), file_(file), evaluator_(evaluator), builder_(builder) {}

  void resource(HclNodeId block, const TerraformResourceType& type) {
    const std::vector<HclNodeId> labels = file_.labels(block);
    const HclNode& b = file_.node(block);
    const HclNode& name = file_.node(labels[1]);
    builder_.key(std::string(file_.text(labels[0])) + "." + std::string(file_.text(labels[1])), name.begin, name.end);
    builder_.open(NodeKind::object, b.begin);
    const HclNode& type_label = file_.node(labels[0]);
    builder_.key("Type", type_label.begin, type_label.end);
    builder_.string(file_.text(labels[0]), type_label.begin, type_label.end);
    const HclNodeId body = file_.body(block);
    builder_.key("Properties", b.begin, b.begin);
    object_of_body(body, type.shape, file_.node(body).begin, file_.node(body).end);
    builder_.close(b.end);
  }

 private:
  void object_of_body(HclNodeId body, const aws::Shape* shape, uint32_t begin, uint32_t end) {
    builder_.open(NodeKind::object, begin);
    std::vector<std::string_view> blocks_written;
    for (HclNodeId item : file_.children(body)) {
      const HclNode& n = file_.node(item);
      const std::string_view name = file_.text(item);
      if (n.kind == HclKind::attribute) {
        if (is_meta_argument(name)) continue;
        if (name == "tags") {
          tags(file_.value(item), n);
          continue;
        }
        const std::optional<TerraformMember> member = shape ? terraform_member(*shape, name) : std::nullopt;
        builder_.key(member ? member->api_name : name, n.name_begin, n.name_end);
        expression(file_.value(item), member ? member->shape : nullptr);
        continue;
      }
      if (n.kind != HclKind::block || is_meta_block(name)) continue;
      const bool dynamic = name == "dynamic";
      const std::vector<HclNodeId> labels = file_.labels(item);
      const std::string_view type = dynamic ? (labels.empty() ? std::string_view() : file_.text(labels[0])) : name;
      if (std::find(blocks_written.begin(), blocks_written.end(), type) != blocks_written.end()) continue;
      blocks_written.push_back(type);
      const std::optional<TerraformMember> member = shape ? terraform_member(*shape, type) : std::nullopt;
      const HclNode& key_token = dynamic && !labels.empty() ? file_.node(labels[0]) : n;
      builder_.key(member ? member->api_name : type, dynamic ? key_token.begin : n.name_begin,
                   dynamic ? key_token.end : n.name_end);
      if (dynamic) {
        // Its instances come from for_each: how many, and what they hold, is known when planned.
        builder_.scalar(NodeKind::unknown, n.begin, n.end);
      } else if (member && member->repeated) {
        repeated_blocks(body, type, element_or_self(member->shape));
      } else {
        object_of_body(file_.body(item), member ? member->shape : nullptr, n.begin, n.end);
      }
    }
    builder_.close(end);
  }

  // Every block of `type` in `body`, as one array.
  void repeated_blocks(HclNodeId body, std::string_view type, const aws::Shape* shape) {
    uint32_t end = 0;
    bool opened = false;
    for (HclNodeId item : file_.children(body)) {
      const HclNode& n = file_.node(item);
      if (n.kind != HclKind::block || file_.text(item) != type) continue;
      if (!opened) builder_.open(NodeKind::array, n.begin);
      opened = true;
      object_of_body(file_.body(item), shape, n.begin, n.end);
      end = n.end;
    }
    builder_.close(end);
  }

  // `tags = { key = value }` as the Tags list of the API: [{Key, Value}], with the map's spans.
  void tags(HclNodeId value, const HclNode& attribute) {
    builder_.key("Tags", attribute.name_begin, attribute.name_end);
    const HclNodeId map = file_.unwrap(value);
    const HclNode& m = file_.node(map);
    if (m.kind != HclKind::object) {
      const TfValue evaluated = evaluator_.evaluate(file_index_, map);
      if (evaluated.kind != TfValue::Kind::object) {
        builder_.scalar(NodeKind::unknown, m.begin, m.end);
        return;
      }
      builder_.open(NodeKind::array, m.begin);
      for (const auto& [key, entry] : evaluated.members) {
        builder_.open(NodeKind::object, m.begin);
        builder_.key("Key", m.begin, m.end);
        builder_.string(key, m.begin, m.end);
        builder_.key("Value", m.begin, m.end);
        value_of(entry, m.begin, m.end, nullptr);
        builder_.close(m.end);
      }
      builder_.close(m.end);
      return;
    }
    builder_.open(NodeKind::array, m.begin);
    for (HclNodeId item : file_.children(map)) {
      const HclNodeId key = file_.node(item).first_child;
      const HclNode& k = file_.node(key);
      const HclNode& i = file_.node(item);
      builder_.open(NodeKind::object, i.begin);
      builder_.key("Key", k.begin, k.end);
      if (const std::optional<std::string> name = evaluator_.key_text(file_index_, key)) {
        builder_.string(*name, k.begin, k.end);
      } else {
        builder_.scalar(NodeKind::unknown, k.begin, k.end);
      }
      builder_.key("Value", file_.node(k.next_sibling).begin, file_.node(k.next_sibling).end);
      expression(k.next_sibling, nullptr);
      builder_.close(i.end);
    }
    builder_.close(m.end);
  }

  // An expression written in the resource: tuples and objects keep the spans of their parts;
  // anything else is evaluated and spans the expression.
  void expression(HclNodeId node, const aws::Shape* shape) {
    const HclNodeId unwrapped = file_.unwrap(node);
    const HclNode& n = file_.node(unwrapped);
    if (n.kind == HclKind::tuple) {
      builder_.open(NodeKind::array, n.begin);
      for (HclNodeId item : file_.children(unwrapped)) expression(item, element_or_self(shape));
      builder_.close(n.end);
      return;
    }
    if (n.kind == HclKind::object && all_keys_known(unwrapped)) {
      builder_.open(NodeKind::object, n.begin);
      for (HclNodeId item : file_.children(unwrapped)) {
        const HclNodeId key = file_.node(item).first_child;
        const std::string name = *evaluator_.key_text(file_index_, key);
        const std::optional<TerraformMember> member =
            shape && shape->type == aws::ShapeType::structure ? terraform_member(*shape, name) : std::nullopt;
        builder_.key(member ? std::string(member->api_name) : name, file_.node(key).begin, file_.node(key).end);
        expression(file_.node(key).next_sibling, member ? member->shape : nullptr);
      }
      builder_.close(n.end);
      return;
    }
    const TfValue value = evaluator_.evaluate(file_index_, unwrapped);
    const NodeId written = value_of(value, n.begin, n.end, shape);
    if (value.known() && !value.defaults.empty()) {
      std::string how;
      for (size_t i = 0; i < value.defaults.size(); ++i) how += (i ? " and " : "") + value.defaults[i];
      builder_.derive(written, std::move(how));
    }
  }

  bool all_keys_known(HclNodeId object) {
    for (HclNodeId item : file_.children(object)) {
      if (!evaluator_.key_text(file_index_, file_.node(item).first_child)) return false;
    }
    return true;
  }

  NodeId value_of(const TfValue& value, uint32_t begin, uint32_t end, const aws::Shape* shape) {
    switch (value.kind) {
      case TfValue::Kind::unknown: return builder_.scalar(NodeKind::unknown, begin, end);
      case TfValue::Kind::null: return builder_.scalar(NodeKind::null, begin, end);
      case TfValue::Kind::boolean: return builder_.boolean(value.boolean, begin, end);
      case TfValue::Kind::number:
        return builder_.number(value.number, value.number == std::floor(value.number), begin, end);
      case TfValue::Kind::string: return builder_.string(value.text, begin, end);
      case TfValue::Kind::tuple: {
        const NodeId array = builder_.open(NodeKind::array, begin);
        for (const TfValue& item : value.items) value_of(item, begin, end, element_or_self(shape));
        builder_.close(end);
        return array;
      }
      case TfValue::Kind::object: {
        const NodeId object = builder_.open(NodeKind::object, begin);
        for (const auto& [key, member_value] : value.members) {
          const std::optional<TerraformMember> member =
              shape && shape->type == aws::ShapeType::structure ? terraform_member(*shape, key) : std::nullopt;
          builder_.key(member ? std::string(member->api_name) : key, begin, end);
          value_of(member_value, begin, end, member ? member->shape : nullptr);
        }
        builder_.close(end);
        return object;
      }
    }
    return kNoNode;
  }

  size_t file_index_;
  const HclFile& file_;
  ModuleEvaluator& evaluator_;
  TreeBuilder& builder_;
};

// The directory of a file's display path: the module it belongs to.
std::string module_of(const SourceFile& source) {
  const std::string& path = source.path();
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
}

// The domain resource a domain_id expression refers to, `aws_sagemaker_domain.<name>.<attribute>`
// with or without an instance index, and the attribute; empty otherwise.
struct DomainReference {
  std::string_view name;
  std::string_view attribute;
};

DomainReference referenced_domain(const HclFile& file, HclNodeId expression) {
  const HclNodeId traversal = file.unwrap(expression);
  if (traversal == kNoHclNode || file.node(traversal).kind != HclKind::traversal ||
      file.text(traversal) != "aws_sagemaker_domain") {
    return {};
  }
  const HclNodeId name = file.node(traversal).first_child;
  if (name == kNoHclNode || file.node(name).kind != HclKind::attribute_step) return {};
  std::string_view attribute;
  for (HclNodeId step = file.node(name).next_sibling; step != kNoHclNode; step = file.node(step).next_sibling) {
    if (file.node(step).kind == HclKind::attribute_step) {
      attribute = file.text(step);
      break;
    }
  }
  return DomainReference{file.text(name), attribute};
}

}  // namespace

std::vector<bool> read_terraform_module(std::span<const TerraformFile> files, Model& model) {
  std::vector<bool> has_resources(files.size(), false);
  if (files.empty()) return has_resources;
  ModuleEvaluator evaluator(files);
  const std::string module = module_of(*files[0].source);
  const auto domain_key = [&](std::string_view name) { return "tf:" + module + "#aws_sagemaker_domain." + std::string(name); };

  std::unordered_set<std::string_view> domains_declared;
  for (const TerraformFile& file : files) {
    for (HclNodeId item : file.hcl->children(file.hcl->root())) {
      const std::vector<HclNodeId> labels = file.hcl->labels(item);
      if (is_resource_block(*file.hcl, item) && labels.size() == 2 && file.hcl->text(labels[0]) == "aws_sagemaker_domain") {
        domains_declared.insert(file.hcl->text(labels[1]));
      }
    }
  }

  for (size_t index = 0; index < files.size(); ++index) {
    const HclFile& hcl = *files[index].hcl;
    struct Found {
      HclNodeId block;
      TerraformResourceType type;
    };
    std::vector<Found> found;
    for (HclNodeId item : hcl.children(hcl.root())) {
      const std::vector<HclNodeId> labels = hcl.labels(item);
      if (!is_resource_block(hcl, item) || labels.size() != 2) continue;
      const std::string_view type_name = hcl.text(labels[0]);
      if (const auto type = terraform_resource_type(type_name)) found.push_back(Found{item, *type});
      if (type_name.starts_with("awscc_sagemaker_")) {
        has_resources[index] = true;  // said here, so not skipped as a file without them
        // The Cloud Control provider mirrors CloudFormation's schema, not the API's names.
        const HclNode& label = hcl.node(labels[0]);
        model.notes.push_back(Diagnostic{
            Level::note, Location::at_offset(*files[index].source, label.begin, label.end),
            "skipped: " + std::string(type_name) + " " + quoted(hcl.text(labels[1])) +
                " is a resource of the awscc provider; sagelint checks the aws provider's aws_sagemaker_domain, "
                "aws_sagemaker_user_profile and aws_sagemaker_space"});
      }
    }
    if (found.empty()) continue;
    has_resources[index] = true;

    auto tree = std::make_unique<Tree>(*files[index].source);
    TreeBuilder builder(*tree);
    const auto size = static_cast<uint32_t>(files[index].source->text().size());
    builder.open(NodeKind::object, 0);
    builder.key("Resources", 0, 0);
    builder.open(NodeKind::object, 0);
    ResourceWriter writer(index, hcl, evaluator, builder);
    for (const Found& f : found) writer.resource(f.block, f.type);
    builder.close(size);
    builder.close(size);

    const NodeId resources = tree->member(tree->root(), "Resources");
    size_t at = 0;
    for (NodeId resource : tree->children(resources)) {
      const Found& f = found[at++];
      const HclNodeId domain_id = hcl.attribute(hcl.body(f.block), "domain_id");
      const auto fill = [&](Resource& r) {
        r.kind = f.type.kind;
        r.root = Value::of(*tree, resource)["Properties"];
        r.logical_id = tree->key(resource);
        r.logical_id_kind = "address";
        read_tag_list(r);
      };
      const auto link = [&](const auto& r) -> std::string {
        if (domain_id != kNoHclNode) {
          const DomainReference target = referenced_domain(hcl, hcl.value(domain_id));
          if (domains_declared.contains(target.name) && target.attribute == "arn") {
            // The intent is plain, so the link is made; the API rejects an ARN as a domain id.
            model.input_problems.push_back(Diagnostic{
                Level::error, r.domain_id.location(),
                "domain_id of " + r.description() + " is the ARN of aws_sagemaker_domain." +
                    std::string(target.name) + "; the API expects the domain's id (aws_sagemaker_domain." +
                    std::string(target.name) + ".id)"});
          }
          if (domains_declared.contains(target.name) && (target.attribute == "id" || target.attribute == "arn")) {
            return domain_key(target.name);
          }
        }
        if (const auto id = r.domain_id.string()) return std::string(*id);
        if (r.domain_id.is_unknown()) {
          model.notes.push_back(unknown_domain_note(r, r.domain_id, "domain_id", "module"));
        }
        return {};
      };
      // A profile or a space: its members, and its link to a domain.
      const auto read_linked = [&]<class R>(void (*read_members)(R&), std::vector<R>& into) {
        R linked;
        fill(linked);
        read_members(linked);
        linked.domain_link = link(linked);
        into.push_back(std::move(linked));
      };
      switch (f.type.kind) {
        case ResourceKind::domain: {
          Domain domain;
          fill(domain);
          read_domain_members(domain);
          domain.link_key = domain_key(hcl.text(hcl.labels(f.block)[1]));
          model.domains.push_back(std::move(domain));
          break;
        }
        case ResourceKind::user_profile: read_linked(read_profile_members, model.profiles); break;
        case ResourceKind::space: read_linked(read_space_members, model.spaces); break;
      }
    }
    model.trees.push_back(std::move(tree));
  }
  return has_resources;
}

}  // namespace sagelint
