#include "sagelint/json_report.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "sagelint/text.hpp"
#include "sagelint/version.hpp"

namespace sagelint {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

// Strings are made valid UTF-8: file names and messages can quote bytes that are not.
void member(Writer& w, std::string_view name, std::string_view text) {
  w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
  const std::string valid = to_valid_utf8(text);
  w.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
}
void member(Writer& w, std::string_view name, uint64_t number) {
  w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
  w.Uint64(number);
}
// Not an overload of `member`: a string literal converts to bool before string_view, so
// member(w, "name", "sagelint") would write true.
void flag(Writer& w, std::string_view name, bool value) {
  w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
  w.Bool(value);
}

void place(Writer& w, const Location& at) {
  if (at.file == nullptr) return;
  const Region region = at.file->region(at.begin, at.end);
  member(w, "file", at.file->path());
  member(w, "line", uint64_t{region.begin.line});
  member(w, "column", uint64_t{region.begin.column});
  member(w, "endLine", uint64_t{region.end.line});
  member(w, "endColumn", uint64_t{region.end.column});
  if (at.tree != nullptr && at.node != kNoNode) member(w, "pointer", at.tree->pointer(at.node));
}

}  // namespace

std::string json_report(const LintResult& result) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  const FindingCounts counts = count_findings(result.findings);

  w.StartObject();
  member(w, "schemaVersion", uint64_t{kJsonSchemaVersion});
  w.Key("tool");
  w.StartObject();
  member(w, "name", "sagelint");
  member(w, "version", kVersion);
  w.EndObject();

  w.Key("summary");
  w.StartObject();
  member(w, "files", uint64_t{result.files_read()});
  member(w, "errors", uint64_t{counts.errors});
  member(w, "warnings", uint64_t{counts.warnings});
  member(w, "notes", uint64_t{counts.notes});
  member(w, "suppressed", uint64_t{counts.suppressed});
  member(w, "inputsFailed", uint64_t{result.inputs_failed()});
  flag(w, "complete", result.complete());
  const bool compared = result.baseline && result.baseline->states.size() == result.findings.size();
  if (compared) {
    w.Key("baseline");
    w.StartObject();
    for (BaselineState state :
         {BaselineState::new_finding, BaselineState::unchanged, BaselineState::updated, BaselineState::absent}) {
      member(w, to_string(state), uint64_t{result.baseline->count(state)});
    }
    w.EndObject();
  }
  w.EndObject();

  w.Key("findings");
  w.StartArray();
  const bool fingerprinted = result.fingerprints.size() == result.findings.size();
  for (size_t i = 0; i < result.findings.size(); ++i) {
    const Finding& finding = result.findings[i];
    w.StartObject();
    member(w, "ruleId", finding.rule->id);
    member(w, "rule", finding.rule->name);
    member(w, "level", to_string(finding.level));
    member(w, "message", finding.message);
    place(w, finding.location);
    if (finding.subject != nullptr) {
      w.Key("resource");
      w.StartObject();
      member(w, "kind", to_string(finding.subject->kind));
      member(w, "name", finding.subject->display_name());
      w.EndObject();
    }
    flag(w, "suppressed", finding.suppressed);
    if (finding.suppressed) {
      member(w, "justification", justification_text(finding.justification));
      if (!finding.justification.owner.empty()) member(w, "owner", finding.justification.owner);
      if (finding.justification.expires) member(w, "expires", finding.justification.expires->to_string());
      member(w, "justifiedIn", finding.suppressed_externally ? "waiver" : "source");
    }
    if (finding.unreadable_input) flag(w, "unreadableInput", true);
    if (fingerprinted) member(w, "fingerprint", result.fingerprints[i]);
    if (compared) member(w, "baselineState", to_string(result.baseline->states[i]));
    w.EndObject();
  }
  w.EndArray();

  if (compared) {
    // What the baseline held and this run no longer finds, as the baseline's SARIF said it.
    w.Key("absent");
    w.StartArray();
    for (const BaselineResult& gone : result.baseline->absent) {
      w.StartObject();
      member(w, "ruleId", gone.rule_id);
      member(w, "level", gone.level);
      member(w, "message", gone.message);
      if (!gone.uri.empty()) member(w, "uri", gone.uri);
      if (gone.start_line > 0) member(w, "line", uint64_t{gone.start_line});
      if (!gone.pointer.empty()) member(w, "pointer", gone.pointer);
      member(w, "fingerprint", gone.fingerprint);
      member(w, "baselineState", to_string(BaselineState::absent));
      w.EndObject();
    }
    w.EndArray();
  }

  w.Key("diagnostics");
  w.StartArray();
  const auto diagnostic = [&](const Diagnostic& d) {
    w.StartObject();
    member(w, "level", to_string(d.level));
    member(w, "message", d.message);
    place(w, d.location);
    w.EndObject();
  };
  for (const Diagnostic& d : result.model.limits_reached) diagnostic(d);
  for (const Diagnostic& d : result.model.load_failures) diagnostic(d);
  for (const Diagnostic& d : result.model.notes) diagnostic(d);
  w.EndArray();
  w.EndObject();

  std::string out(buffer.GetString(), buffer.GetSize());
  out += '\n';
  return out;
}

}  // namespace sagelint
