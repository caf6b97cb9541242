#include "sagelint/sarif_report.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>
#include <vector>

#include "sagelint/baseline.hpp"
#include "sagelint/fingerprint.hpp"
#include "sagelint/rule_docs.hpp"
#include "sagelint/text.hpp"
#include "sagelint/version.hpp"

namespace sagelint {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

// GitHub rejects a SARIF file that is not UTF-8, and messages can carry bytes that are not:
// a file name from a non-UTF-8 file system, say.
void write_string(Writer& w, std::string_view text) {
  const std::string valid = to_valid_utf8(text);
  w.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
}
void key(Writer& w, std::string_view name) { w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size())); }
void member(Writer& w, std::string_view name, std::string_view text) {
  key(w, name);
  write_string(w, text);
}
void text_object(Writer& w, std::string_view name, std::string_view text) {
  key(w, name);
  w.StartObject();
  member(w, "text", text);
  w.EndObject();
}

// A message as SARIF plain text, where "[text](id)" is an embedded link (§3.11.6): brackets
// quoted from the inputs are escaped, so that a name like "[x](1)" never reads as one.
std::string message_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '[' || c == ']') out += '\\';
    out += c;
  }
  return out;
}

bool is_unreserved_path_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~' || c == '/' || c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')' ||
         c == '*' || c == '+' || c == ',' || c == ';' || c == '=' || c == ':' || c == '@';
}

enum class Colon : bool { encode, keep };

// Percent-encodes every byte a URI path cannot hold as it is. A relative reference must also
// encode ':', or a first segment such as "prod:eu" would read as a scheme (RFC 3986 4.2).
std::string percent_encode_path(std::string_view path, Colon colon) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_unreserved_path_byte(c) && !(c == ':' && colon == Colon::encode)) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::string_view level_name(Level level) { return to_string(level); }

std::string_view problem_severity(Level level) {
  switch (level) {
    case Level::error: return "error";
    case Level::warning: return "warning";
    case Level::note: return "recommendation";
  }
  return "warning";
}

void write_rule(Writer& w, const RuleInfo& rule) {
  w.StartObject();
  member(w, "id", rule.id);
  member(w, "name", pascal_case(rule.name));
  text_object(w, "shortDescription", rule.summary);
  text_object(w, "fullDescription", rule.description);
  key(w, "help");
  w.StartObject();
  member(w, "text", rule_text(rule));
  member(w, "markdown", rule_markdown(rule));
  w.EndObject();
  key(w, "defaultConfiguration");
  w.StartObject();
  member(w, "level", level_name(rule.level));
  w.EndObject();
  key(w, "properties");
  w.StartObject();
  key(w, "tags");
  w.StartArray();
  for (std::string_view tag : rule.tags) write_string(w, tag);
  w.EndArray();
  member(w, "precision", rule.precision);
  if (rule.security_severity.empty()) {
    member(w, "problem.severity", problem_severity(rule.level));
  } else {
    member(w, "security-severity", rule.security_severity);
  }
  w.EndObject();
  w.EndObject();
}

// GitHub's line hash of every line that carries a result, computed once per file.
class ResultFingerprints {
 public:
  explicit ResultFingerprints(std::span<const Finding> findings) {
    std::map<const SourceFile*, std::vector<uint32_t>> lines_by_file;
    for (const Finding& finding : findings) {
      if (finding.location.file == nullptr) continue;
      lines_by_file[finding.location.file].push_back(finding.location.file->position(finding.location.begin).line);
    }
    for (auto& [file, lines] : lines_by_file) {
      std::sort(lines.begin(), lines.end());
      lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
      std::vector<std::string> hashes = line_fingerprints(file->text(), file->line_starts(), lines);
      for (size_t i = 0; i < lines.size(); ++i) by_place_.emplace(std::make_pair(file, lines[i]), std::move(hashes[i]));
    }
  }

  const std::string& at(const SourceFile& file, uint32_t line) const {
    static const std::string kNone;
    const auto it = by_place_.find(std::make_pair(&file, line));
    return it == by_place_.end() ? kNone : it->second;
  }

 private:
  std::map<std::pair<const SourceFile*, uint32_t>, std::string> by_place_;
};

class SarifWriter {
 public:
  SarifWriter(Writer& w, const SarifOptions& options, std::span<const Finding> findings)
      : w_(w), options_(options), hashes_(findings) {}

  void physical_location(const Location& at) {
    key(w_, "physicalLocation");
    w_.StartObject();
    key(w_, "artifactLocation");
    w_.StartObject();
    const std::string relative = relative_uri(at.file->absolute_path(), options_.source_root);
    if (relative.empty()) {
      member(w_, "uri", file_uri(at.file->absolute_path()));
    } else {
      member(w_, "uri", relative);
      member(w_, "uriBaseId", "%SRCROOT%");
    }
    w_.EndObject();
    const Region region = at.file->region(at.begin, at.end);
    key(w_, "region");
    w_.StartObject();
    key(w_, "startLine");
    w_.Uint(region.begin.line);
    key(w_, "startColumn");
    w_.Uint(region.begin.column);
    key(w_, "endLine");
    w_.Uint(region.end.line);
    key(w_, "endColumn");
    w_.Uint(region.end.column);
    w_.EndObject();
    w_.EndObject();
  }

  void logical_location(const Location& at) {
    if (at.tree == nullptr || at.node == kNoNode) return;
    const Tree& tree = *at.tree;
    const Node& node = tree.node(at.node);
    key(w_, "logicalLocations");
    w_.StartArray();
    w_.StartObject();
    const std::string name = tree.last_token(at.node);
    if (!name.empty()) member(w_, "name", name);
    member(w_, "fullyQualifiedName", tree.pointer(at.node));
    std::string_view kind = "value";
    if (node.kind == NodeKind::object) kind = "object";
    else if (node.kind == NodeKind::array) kind = "array";
    if (node.has_key) kind = "property";
    member(w_, "kind", kind);
    w_.EndObject();
    w_.EndArray();
  }

  // `fingerprint` is the finding's resource fingerprint (empty: none), `state` its baseline
  // state when the run was compared with one.
  void result(const Finding& finding, size_t rule_index, std::string_view fingerprint,
              std::optional<BaselineState> state) {
    w_.StartObject();
    member(w_, "ruleId", finding.rule->id);
    key(w_, "ruleIndex");
    w_.Uint64(rule_index);
    member(w_, "level", level_name(finding.level));
    text_object(w_, "message", message_text(finding.message));
    key(w_, "locations");
    w_.StartArray();
    w_.StartObject();
    physical_location(finding.location);
    logical_location(finding.location);
    w_.EndObject();
    w_.EndArray();
    key(w_, "partialFingerprints");
    w_.StartObject();
    const Position begin = finding.location.file->position(finding.location.begin);
    member(w_, "primaryLocationLineHash", hashes_.at(*finding.location.file, begin.line));
    if (!fingerprint.empty()) member(w_, kResourceFingerprintKey, fingerprint);
    w_.EndObject();
    if (state) member(w_, "baselineState", to_string(*state));
    // Every result carries the array (SARIF 3.27.23): empty means not suppressed.
    key(w_, "suppressions");
    w_.StartArray();
    if (finding.suppressed) {
      w_.StartObject();
      member(w_, "kind", finding.suppressed_externally ? "external" : "inSource");
      member(w_, "justification", justification_text(finding.justification));
      w_.EndObject();
    }
    w_.EndArray();
    w_.EndObject();
  }

  // A result of the baseline that this run no longer has, written back as the baseline held it.
  void absent_result(const BaselineResult& gone, const std::map<std::string_view, size_t>& rule_index) {
    w_.StartObject();
    member(w_, "ruleId", gone.rule_id);
    if (const auto it = rule_index.find(gone.rule_id); it != rule_index.end()) {
      key(w_, "ruleIndex");
      w_.Uint64(it->second);
    }
    member(w_, "level", gone.level);
    text_object(w_, "message", message_text(gone.message));
    if (!gone.uri.empty()) {
      key(w_, "locations");
      w_.StartArray();
      w_.StartObject();
      key(w_, "physicalLocation");
      w_.StartObject();
      key(w_, "artifactLocation");
      w_.StartObject();
      member(w_, "uri", gone.uri);
      if (!gone.uri_base_id.empty()) member(w_, "uriBaseId", gone.uri_base_id);
      w_.EndObject();
      if (gone.start_line > 0) {
        key(w_, "region");
        w_.StartObject();
        const std::pair<std::string_view, uint32_t> numbers[] = {{"startLine", gone.start_line},
                                                                 {"startColumn", gone.start_column},
                                                                 {"endLine", gone.end_line},
                                                                 {"endColumn", gone.end_column}};
        for (const auto& [name, number] : numbers) {
          if (number == 0) continue;
          key(w_, name);
          w_.Uint(number);
        }
        w_.EndObject();
      }
      w_.EndObject();
      if (!gone.pointer.empty()) {
        key(w_, "logicalLocations");
        w_.StartArray();
        w_.StartObject();
        member(w_, "fullyQualifiedName", gone.pointer);
        w_.EndObject();
        w_.EndArray();
      }
      w_.EndObject();
      w_.EndArray();
    }
    key(w_, "partialFingerprints");
    w_.StartObject();
    if (!gone.line_hash.empty()) member(w_, "primaryLocationLineHash", gone.line_hash);
    member(w_, kResourceFingerprintKey, gone.fingerprint);
    w_.EndObject();
    member(w_, "baselineState", to_string(BaselineState::absent));
    key(w_, "suppressions");
    w_.StartArray();
    if (gone.suppressed) {
      w_.StartObject();
      member(w_, "kind", "inSource");
      member(w_, "justification", gone.justification);
      w_.EndObject();
    }
    w_.EndArray();
    w_.EndObject();
  }

  void notification(const Diagnostic& diagnostic, const std::map<std::string_view, size_t>& rule_index) {
    w_.StartObject();
    member(w_, "level", level_name(diagnostic.level));
    text_object(w_, "message", message_text(diagnostic.message));
    if (diagnostic.location.file) {
      key(w_, "locations");
      w_.StartArray();
      w_.StartObject();
      physical_location(diagnostic.location);
      w_.EndObject();
      w_.EndArray();
    }
    if (diagnostic.level == Level::error) {
      if (const auto it = rule_index.find("SMD000"); it != rule_index.end()) {
        key(w_, "associatedRule");
        w_.StartObject();
        member(w_, "id", "SMD000");
        key(w_, "index");
        w_.Uint64(it->second);
        w_.EndObject();
      }
    }
    w_.EndObject();
  }

 private:
  Writer& w_;
  const SarifOptions& options_;
  ResultFingerprints hashes_;
};

}  // namespace

std::string relative_uri(std::string_view absolute_path, std::string_view root) {
  if (root.empty()) return {};
  std::string prefix(root);
  if (!prefix.ends_with('/')) prefix += '/';
  if (!absolute_path.starts_with(prefix) || absolute_path.size() == prefix.size()) return {};
  return percent_encode_path(absolute_path.substr(prefix.size()), Colon::encode);
}

std::string file_uri(std::string_view absolute_path) {
  // A Windows path ("C:/x") needs the slash that a POSIX path brings along.
  const std::string_view slash = absolute_path.starts_with('/') ? "" : "/";
  return "file://" + std::string(slash) + percent_encode_path(absolute_path, Colon::keep);
}

std::string sarif_report(const LintResult& result, std::span<const Rule* const> rules, const SarifOptions& options) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  SarifWriter sarif(w, options, result.findings);

  // Sorted by id whatever order the caller keeps, so rule indexes are stable too.
  std::vector<const Rule*> sorted_rules(rules.begin(), rules.end());
  std::sort(sorted_rules.begin(), sorted_rules.end(),
            [](const Rule* a, const Rule* b) { return a->info.id < b->info.id; });
  std::map<std::string_view, size_t> rule_index;
  for (size_t i = 0; i < sorted_rules.size(); ++i) rule_index.emplace(sorted_rules[i]->info.id, i);

  w.StartObject();
  member(w, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
  member(w, "version", "2.1.0");
  key(w, "runs");
  w.StartArray();
  w.StartObject();

  key(w, "tool");
  w.StartObject();
  key(w, "driver");
  w.StartObject();
  member(w, "name", "sagelint");
  member(w, "fullName", "sagelint: policy linter for Amazon SageMaker AI Studio domain configurations");
  member(w, "version", kVersion);
  member(w, "semanticVersion", kVersion);
  key(w, "rules");
  w.StartArray();
  for (const Rule* rule : sorted_rules) write_rule(w, rule->info);
  w.EndArray();
  w.EndObject();
  w.EndObject();

  if (!options.category.empty()) {
    key(w, "automationDetails");
    w.StartObject();
    // "<category>/": the category with an empty run id (GitHub splits at the last '/').
    member(w, "id", options.category.ends_with('/') ? options.category : options.category + "/");
    w.EndObject();
  }

  key(w, "originalUriBaseIds");
  w.StartObject();
  key(w, "%SRCROOT%");
  w.StartObject();
  text_object(w, "description", "The directory sagelint was run from (or --source-root); result URIs are relative to it.");
  w.EndObject();
  w.EndObject();
  member(w, "columnKind", "utf16CodeUnits");
  key(w, "newlineSequences");
  w.StartArray();
  for (std::string_view sequence : {"\r\n", "\r", "\n"}) write_string(w, sequence);
  w.EndArray();

  key(w, "invocations");
  w.StartArray();
  w.StartObject();
  key(w, "executionSuccessful");
  w.Bool(!result.failed());
  key(w, "toolExecutionNotifications");
  w.StartArray();
  for (const Diagnostic& limit : result.model.limits_reached) sarif.notification(limit, rule_index);
  for (const Diagnostic& failure : result.model.load_failures) sarif.notification(failure, rule_index);
  for (const Diagnostic& note : result.model.notes) sarif.notification(note, rule_index);
  w.EndArray();
  w.EndObject();
  w.EndArray();

  key(w, "results");
  w.StartArray();
  const bool fingerprinted = result.fingerprints.size() == result.findings.size();
  const bool compared = result.baseline && result.baseline->states.size() == result.findings.size();
  for (size_t i = 0; i < result.findings.size(); ++i) {
    const Finding& finding = result.findings[i];
    if (finding.location.file == nullptr) continue;  // SARIF results need a place in a file
    const auto it = rule_index.find(finding.rule->id);
    if (it == rule_index.end()) continue;
    sarif.result(finding, it->second, fingerprinted ? std::string_view(result.fingerprints[i]) : std::string_view(),
                 compared ? std::optional(result.baseline->states[i]) : std::nullopt);
  }
  if (compared) {
    for (const BaselineResult& gone : result.baseline->absent) sarif.absent_result(gone, rule_index);
  }
  w.EndArray();

  w.EndObject();
  w.EndArray();
  w.EndObject();
  std::string out(buffer.GetString(), buffer.GetSize());
  out += '\n';
  return out;
}

}  // namespace sagelint
