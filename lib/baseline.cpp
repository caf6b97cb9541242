#include "sagelint/baseline.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>
#include <utility>

#include "sagelint/json_loader.hpp"

namespace sagelint {
namespace {

// A file's path as it is compared: "./infra/../infra/x.yaml" and "infra/x.yaml" are one file.
std::string normal_path(const std::string& path) {
  return std::filesystem::path(path).lexically_normal().generic_string();
}

// A SARIF message's plain text as it was before the writer escaped its brackets (§3.11.6: a
// literal '[' is written "\[", a ']' "\]"). Only a backslash before a bracket is dropped: the
// writer adds no other, so "\\[" (a backslash from the input, then a bracket) reads "\[".
std::string unescaped_message(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const bool escaped_bracket = text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == '[' || text[i + 1] == ']');
    if (!escaped_bracket) out += text[i];
  }
  return out;
}

// RFC 6901 escaping, so that a key holding '/' cannot pass for two steps.
void append_token(std::string& out, std::string_view token) {
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
}

// An array element named by what it holds where that is an identity: a string by its value, a
// tag ({"Key": …}) by its key; by index otherwise. So reordering a list of tags or security
// groups does not move the findings about its elements.
void append_element_token(std::string& out, const Tree& tree, NodeId element) {
  const Node& node = tree.node(element);
  if (node.kind == NodeKind::string) {
    out += "[=";
    append_token(out, tree.string(element));
    out += "]";
    return;
  }
  if (node.kind == NodeKind::object) {
    const NodeId key = tree.member(element, "Key");
    if (key != kNoNode && tree.node(key).kind == NodeKind::string) {
      out += "[Key=";
      append_token(out, tree.string(key));
      out += "]";
      return;
    }
  }
  out += std::to_string(node.index);
}

// The path from `ancestor` (exclusive) down to `node`.
std::string relative_path(const Tree& tree, NodeId ancestor, NodeId node) {
  std::vector<NodeId> chain;
  for (NodeId at = node; at != ancestor && at != kNoNode; at = tree.node(at).parent) chain.push_back(at);
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const Node& step = tree.node(*it);
    out += '/';
    if (step.parent != kNoNode && tree.node(step.parent).kind == NodeKind::array) {
      append_element_token(out, tree, *it);
    } else {
      append_token(out, tree.key(*it));
    }
  }
  return out;
}

std::string known_string(const Value& value) {
  const auto text = value.string();
  return text ? std::string(*text) : std::string();
}

std::string_view arn_member(ResourceKind kind) {
  switch (kind) {
    case ResourceKind::domain: return "DomainArn";
    case ResourceKind::user_profile: return "UserProfileArn";
    case ResourceKind::space: return "SpaceArn";
  }
  return "";
}

std::string domain_id_of(const Resource& resource) {
  switch (resource.kind) {
    case ResourceKind::domain: return known_string(static_cast<const Domain&>(resource).id);
    case ResourceKind::user_profile: return known_string(static_cast<const UserProfile&>(resource).domain_id);
    case ResourceKind::space: return known_string(static_cast<const Space&>(resource).domain_id);
  }
  return {};
}

// Where the resource is defined, independent of where in its file: an export by kind, domain
// id and name (its ARN when those are not known); a template's resource by file and logical
// ID; a Terraform resource by module directory (plan file) and address.
std::string resource_identity(const Resource& resource) {
  const std::string kind(to_string(resource.kind));
  const Tree* tree = resource.root.tree();
  const std::string file = tree != nullptr ? normal_path(tree->file().path()) : std::string();
  if (!resource.logical_id.empty()) {
    if (resource.logical_id_kind == "address") {
      // A module's resources are spread over its directory's files; a plan is one file.
      const std::string scope = file.ends_with(".tf") ? normal_path(std::filesystem::path(file).parent_path().string())
                                                      : file;
      return "terraform " + scope + " " + std::string(resource.logical_id);
    }
    return "cloudformation " + file + " " + std::string(resource.logical_id);
  }
  const std::string domain_id = domain_id_of(resource);
  const std::string name = known_string(resource.name);
  if (!domain_id.empty() && !name.empty()) return kind + " " + domain_id + " " + name;
  const std::string arn = known_string(resource.root[arn_member(resource.kind)]);
  if (!arn.empty()) return kind + " " + arn;
  const NodeId root = resource.root.node();
  return kind + " " + file + " " + (tree != nullptr && root != kNoNode ? tree->pointer(root) : std::string());
}

// Resources by their root node, to find the one a location lies in, and their identities.
class ResourceIndex {
 public:
  explicit ResourceIndex(const Model& model) {
    const auto add = [&](const Resource& resource) {
      if (resource.root.tree() != nullptr && resource.root.node() != kNoNode) {
        by_root_.emplace(std::make_pair(resource.root.tree(), resource.root.node()), &resource);
      }
    };
    for (const Domain& domain : model.domains) add(domain);
    for (const UserProfile& profile : model.profiles) add(profile);
    for (const Space& space : model.spaces) add(space);
  }

  struct Place {
    const Resource* resource = nullptr;
    NodeId root = kNoNode;
  };
  Place containing(const Tree& tree, NodeId node) const {
    for (NodeId at = node; at != kNoNode; at = tree.node(at).parent) {
      const auto it = by_root_.find(std::make_pair(&tree, at));
      if (it != by_root_.end()) return Place{it->second, at};
    }
    return {};
  }

  // Worked out once per resource: it looks members up, which costs the size of the resource's
  // object, and a hostile object of 20,000 duplicate keys has a finding for each of them.
  const std::string& identity(const Resource& resource) {
    auto [it, added] = identities_.try_emplace(&resource);
    if (added) it->second = resource_identity(resource);
    return it->second;
  }

 private:
  std::map<std::pair<const Tree*, NodeId>, const Resource*> by_root_;
  std::unordered_map<const Resource*, std::string> identities_;
};

// Rule id, resource identity and property path, without the occurrence number.
std::string identity_without_occurrence(const Finding& finding, ResourceIndex& index) {
  std::string identity = std::string(finding.rule->id) + "\n";
  const Location& at = finding.location;
  const ResourceIndex::Place place =
      at.tree != nullptr && at.node != kNoNode ? index.containing(*at.tree, at.node) : ResourceIndex::Place{};
  if (finding.subject == nullptr && place.resource == nullptr) {
    // Nothing to anchor it but its file (an unparseable input): the message tells them apart.
    const std::string file = at.file != nullptr ? normal_path(at.file->path()) : std::string();
    return identity + "file " + file + "\n" + finding.message;
  }
  if (finding.subject != nullptr) identity += index.identity(*finding.subject);
  identity += "\n";
  if (place.resource != nullptr) {
    // A finding about a profile may point at its domain's default: name that resource too.
    if (place.resource != finding.subject) identity += index.identity(*place.resource);
    identity += relative_path(*at.tree, place.root, at.node);
  } else if (at.tree != nullptr && at.node != kNoNode) {
    // Outside any resource's document (a template's Metadata): its pointer in the file.
    identity += normal_path(at.tree->file().path()) + " " + at.tree->pointer(at.node);
  }
  return identity;
}

}  // namespace

std::vector<std::string> finding_identities(const Model& model, std::span<const Finding> findings) {
  ResourceIndex index(model);
  std::vector<std::string> identities;
  identities.reserve(findings.size());
  for (const Finding& finding : findings) identities.push_back(identity_without_occurrence(finding, index));
  // Findings that share an identity are numbered in the order of their messages (then of the
  // report), so the number does not depend on where in the file each one is.
  std::vector<size_t> order(findings.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (identities[a] != identities[b]) return identities[a] < identities[b];
    return findings[a].message < findings[b].message;
  });
  std::vector<std::string> numbered(findings.size());
  size_t occurrence = 0;
  for (size_t k = 0; k < order.size(); ++k) {
    occurrence = k > 0 && identities[order[k]] == identities[order[k - 1]] ? occurrence + 1 : 0;
    numbered[order[k]] = identities[order[k]] + "\n" + std::to_string(occurrence);
  }
  return numbered;
}

std::string fingerprint_hash(std::string_view identity) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (char c : identity) {
    hash ^= static_cast<uint8_t>(c);
    hash *= 0x100000001b3ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

std::vector<std::string> resource_fingerprints(const Model& model, std::span<const Finding> findings) {
  std::vector<std::string> fingerprints = finding_identities(model, findings);
  for (std::string& identity : fingerprints) identity = fingerprint_hash(identity);
  return fingerprints;
}

namespace {

// Reads the results of a SARIF log's tree, reporting the first thing that is not as
// sagelint writes it, with its position.
class BaselineReader {
 public:
  BaselineReader(const SourceFile& file, const Tree& tree) : file_(file), tree_(tree) {}

  BaselineLoad read() {
    Baseline baseline;
    const NodeId runs = expect(tree_.root(), "runs", NodeKind::array);
    if (runs == kNoNode) return failure();
    for (NodeId run : tree_.children(runs)) {
      if (!is(run, NodeKind::object, "a run must be an object")) return failure();
      const NodeId driver_name = path(run, {"tool", "driver", "name"});
      if (driver_name == kNoNode || tree_.node(driver_name).kind != NodeKind::string ||
          tree_.string(driver_name) != "sagelint") {
        fail(driver_name == kNoNode ? run : driver_name, "not a sagelint log: tool.driver.name is not \"sagelint\"");
        return failure();
      }
      const NodeId results = expect(run, "results", NodeKind::array);
      if (results == kNoNode) return failure();
      for (NodeId result : tree_.children(results)) {
        std::optional<BaselineResult> read = read_result(result);
        if (!read) return failure();
        if (!read->rule_id.empty()) baseline.results.push_back(std::move(*read));
      }
    }
    return BaselineLoad{std::move(baseline), {}};
  }

 private:
  // An empty rule id: a result to leave out (marked absent in the log).
  std::optional<BaselineResult> read_result(NodeId result) {
    if (!is(result, NodeKind::object, "a result must be an object")) return std::nullopt;
    BaselineResult out;
    if (const NodeId state = tree_.member(result, "baselineState");
        state != kNoNode && tree_.node(state).kind == NodeKind::string && tree_.string(state) == "absent") {
      return out;
    }
    const NodeId rule_id = expect(result, "ruleId", NodeKind::string);
    const NodeId message = rule_id == kNoNode ? kNoNode : expect(result, "message", NodeKind::object);
    const NodeId text = message == kNoNode ? kNoNode : expect(message, "text", NodeKind::string);
    if (text == kNoNode) return std::nullopt;
    const NodeId fingerprints = tree_.member(result, "partialFingerprints");
    const NodeId fingerprint =
        fingerprints == kNoNode ? kNoNode : tree_.member(fingerprints, kResourceFingerprintKey);
    if (fingerprint == kNoNode || tree_.node(fingerprint).kind != NodeKind::string) {
      fail(fingerprint == kNoNode ? result : fingerprint,
           "result has no partialFingerprints \"" + std::string(kResourceFingerprintKey) +
               "\"; write the baseline with this version (sagelint baseline)");
      return std::nullopt;
    }
    out.rule_id = tree_.string(rule_id);
    out.message = unescaped_message(tree_.string(text));
    out.fingerprint = tree_.string(fingerprint);
    out.level = optional_string(result, {"level"}).value_or("warning");  // SARIF's default
    out.line_hash = optional_string(fingerprints, {"primaryLocationLineHash"}).value_or("");
    const NodeId location = first_element(tree_.member(result, "locations"));
    if (location != kNoNode) {
      out.uri = optional_string(location, {"physicalLocation", "artifactLocation", "uri"}).value_or("");
      out.uri_base_id = optional_string(location, {"physicalLocation", "artifactLocation", "uriBaseId"}).value_or("");
      const NodeId region = path(location, {"physicalLocation", "region"});
      out.start_line = number(region, "startLine");
      out.start_column = number(region, "startColumn");
      out.end_line = number(region, "endLine");
      out.end_column = number(region, "endColumn");
      const NodeId logical = first_element(tree_.member(location, "logicalLocations"));
      out.pointer = optional_string(logical, {"fullyQualifiedName"}).value_or("");
    }
    const NodeId suppression = first_element(tree_.member(result, "suppressions"));
    if (suppression != kNoNode) {
      out.suppressed = true;
      out.justification = optional_string(suppression, {"justification"}).value_or("");
    }
    return out;
  }

  NodeId path(NodeId from, std::initializer_list<std::string_view> names) const {
    NodeId at = from;
    for (std::string_view name : names) {
      if (at == kNoNode || tree_.node(at).kind != NodeKind::object) return kNoNode;
      at = tree_.member(at, name);
    }
    return at;
  }
  std::optional<std::string> optional_string(NodeId from, std::initializer_list<std::string_view> names) const {
    const NodeId at = from == kNoNode ? kNoNode : path(from, names);
    if (at == kNoNode || tree_.node(at).kind != NodeKind::string) return std::nullopt;
    return std::string(tree_.string(at));
  }
  uint32_t number(NodeId object, std::string_view name) const {
    const NodeId at = path(object, {name});
    if (at == kNoNode || tree_.node(at).kind != NodeKind::number || tree_.node(at).number < 0) return 0;
    return static_cast<uint32_t>(tree_.node(at).number);
  }
  NodeId first_element(NodeId array) const {
    if (array == kNoNode || tree_.node(array).kind != NodeKind::array) return kNoNode;
    return tree_.node(array).first_child;
  }

  // The member `name` of `object` when it has the kind, else a failure at the nearest place.
  NodeId expect(NodeId object, std::string_view name, NodeKind kind) {
    if (!is(object, NodeKind::object, "expected an object")) return kNoNode;
    const NodeId at = tree_.member(object, name);
    if (at == kNoNode) {
      fail(object, "expected a member \"" + std::string(name) + "\"");
      return kNoNode;
    }
    if (!is(at, kind, "\"" + std::string(name) + "\" must be " + std::string(to_string(kind)))) return kNoNode;
    return at;
  }
  bool is(NodeId node, NodeKind kind, const std::string& message) {
    if (tree_.node(node).kind == kind) return true;
    fail(node, message);
    return false;
  }
  void fail(NodeId node, const std::string& message) {
    if (!error_.empty()) return;
    const Position at = file_.position(Location::key_of(tree_, node).begin);
    error_ = file_.path() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + message;
  }
  BaselineLoad failure() const { return BaselineLoad{std::nullopt, error_}; }

  const SourceFile& file_;
  const Tree& tree_;
  std::string error_;
};

}  // namespace

BaselineLoad parse_baseline(std::string display_path, std::string text) {
  const SourceFile file(display_path, display_path, std::move(text));
  const LoadResult parsed = load_json(file);
  if (!parsed.tree) {
    const Position at = file.position(parsed.failure->location.begin);
    return BaselineLoad{std::nullopt, display_path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
                                          ": " + parsed.failure->message};
  }
  return BaselineReader(file, *parsed.tree).read();
}

BaselineLoad read_baseline(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return BaselineLoad{std::nullopt, path + ": cannot read the baseline"};
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return BaselineLoad{std::nullopt, path + ": cannot read the baseline"};
  return parse_baseline(path, std::move(bytes).str());
}

std::string_view to_string(BaselineState state) {
  switch (state) {
    case BaselineState::new_finding: return "new";
    case BaselineState::unchanged: return "unchanged";
    case BaselineState::updated: return "updated";
    case BaselineState::absent: return "absent";
  }
  return "new";
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A message with the line numbers it quotes left out: "(line 8)" and "file.json:10)" name where
// something else is written, which reformatting moves without changing the finding.
std::string without_positions(std::string_view message) {
  std::string out;
  out.reserve(message.size());
  size_t i = 0;
  while (i < message.size()) {
    const bool after_line_word = message.substr(0, i).ends_with("line ");
    const bool after_colon = i > 0 && message[i - 1] == ':';
    if (is_digit(message[i]) && (after_line_word || after_colon)) {
      size_t end = i;
      while (end < message.size() && is_digit(message[end])) ++end;
      // After a colon only a position: digits that close a parenthesis or end the message
      // (an account id in an ARN is followed by another ':').
      if (after_line_word || end == message.size() || message[end] == ')') {
        out += '#';
        i = end;
        continue;
      }
    }
    out += message[i++];
  }
  return out;
}

}  // namespace

size_t BaselineComparison::count(BaselineState state) const {
  if (state == BaselineState::absent) return absent.size();
  return static_cast<size_t>(std::count(states.begin(), states.end(), state));
}

BaselineComparison compare_with_baseline(std::span<const Finding> findings, std::span<const std::string> fingerprints,
                                         const Baseline& baseline) {
  // Baseline results by fingerprint, each matched at most once (a hand-merged log may repeat one).
  std::unordered_map<std::string_view, std::vector<size_t>> unmatched;
  for (size_t i = baseline.results.size(); i-- > 0;) unmatched[baseline.results[i].fingerprint].push_back(i);
  std::vector<bool> matched(baseline.results.size(), false);

  BaselineComparison comparison;
  comparison.states.reserve(findings.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    const auto it = i < fingerprints.size() ? unmatched.find(fingerprints[i]) : unmatched.end();
    if (it == unmatched.end() || it->second.empty()) {
      comparison.states.push_back(BaselineState::new_finding);
      continue;
    }
    const size_t match = it->second.back();
    it->second.pop_back();
    matched[match] = true;
    const BaselineResult& before = baseline.results[match];
    const bool same = without_positions(before.message) == without_positions(findings[i].message) &&
                      before.level == to_string(findings[i].level);
    comparison.states.push_back(same ? BaselineState::unchanged : BaselineState::updated);
  }
  for (size_t i = 0; i < baseline.results.size(); ++i) {
    if (!matched[i]) comparison.absent.push_back(baseline.results[i]);
  }
  return comparison;
}

bool has_new_findings_at(std::span<const Finding> findings, const BaselineComparison& comparison,
                         std::optional<Level> fail_level) {
  if (!fail_level) return false;
  for (size_t i = 0; i < findings.size() && i < comparison.states.size(); ++i) {
    const Finding& finding = findings[i];
    if (comparison.states[i] == BaselineState::new_finding && !finding.suppressed && finding.level >= *fail_level) {
      return true;
    }
  }
  return false;
}

}  // namespace sagelint
