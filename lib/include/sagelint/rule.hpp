// What a rule is: its metadata and documentation, and a check that reads the model and
// reports findings. One rule lives in one file under rules/; rules/catalog.cpp lists them.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "sagelint/date.hpp"
#include "sagelint/justification.hpp"
#include "sagelint/limits.hpp"
#include "sagelint/location.hpp"
#include "sagelint/model.hpp"
#include "sagelint/settings.hpp"
#include "sagelint/text.hpp"
#include "sagelint/value.hpp"

namespace sagelint {

// Which documents a rule looks at; a bit set of these.
enum AppliesTo : unsigned {
  kAppliesToDomain = 1u << 0,
  kAppliesToUserProfile = 1u << 1,
  kAppliesToSpace = 1u << 2,
  kAppliesToAnyInput = 1u << 3,  // input problems, whatever the document
  // Justifications and waivers: such rules run after every other rule and read what the run
  // made of them (RuleContext::justifications()).
  kAppliesToJustifications = 1u << 4,
};

// Whether a `sagelint:justify:<ID>` tag can turn a finding into a suppressed one.
enum class JustificationPolicy : uint8_t {
  not_accepted,                // identity and validity rules: the configuration is simply wrong
  allowed,                     // an exception some teams legitimately make
  required,                    // the practice is expected to be broken only with a written reason
  allowed_outside_production,  // acceptable for learning, never in production
};

struct RuleInfo {
  std::string_view id;    // "SMD007": stable, never reused
  std::string_view name;  // "default-landing-studio": kebab-case, names what is flagged
  Level level;            // default level of a finding
  std::string_view summary;      // one sentence: SARIF shortDescription, `sagelint rules`
  std::string_view description;  // one paragraph: SARIF fullDescription
  // Markdown under the fixed headings "## What it does", "## Why it matters", "## Example",
  // "## Use instead" and "## References"; the "## Configuration" section is generated from
  // `settings`, so the two cannot disagree.
  std::string_view documentation;
  std::span<const std::string_view> tags;
  unsigned applies_to;
  JustificationPolicy justification;
  std::string_view security_severity;  // GitHub's 0.1–10.0, as text; empty for non-security rules
  std::string_view precision;          // very-high, high, medium or low
  std::span<const std::string_view> settings;  // the configuration keys the check reads (settings.hpp)
};

// An exception recorded centrally rather than beside the resource: for exports, which carry no
// tags of their own, or for resources a team cannot edit.
struct Waiver {
  std::string rule;      // a rule id, name or id prefix, as in `select`
  std::string resource;  // a glob over the resource's ARN, its name, or "<file>#<logical id or address>"
  std::string reason;
  std::string owner;     // who answers for it; may be empty
  std::optional<Date> expires;  // valid through the end of this day, UTC
  Location location;     // the entry in the configuration, which must outlive the findings
  Location rule_at;      // its members, for findings about them; `location` when absent
  Location reason_at;
  Location expires_at;
};

class JustificationReview;
struct Rule;

struct RunOptions {
  // Every rule there is, so that a justification naming a rule this run did not select is not
  // taken for one naming no rule; empty: the rules run are all there is.
  std::span<const Rule* const> catalog;
  Settings settings = Settings::defaults();
  std::vector<Waiver> waivers;
  // The day justification expiry dates are compared with.
  Date as_of;
  // Levels the configuration gives rules instead of their own, by rule id. The notes a rule
  // adds beside its findings (information, values it cannot evaluate) stay notes.
  std::map<std::string, Level, std::less<>> levels;
  // What the run may read and report (--max-file-size, --max-findings, …).
  Limits limits;
};

// The resource's environment as `policy` decides: its own environment tag, its domain's, a
// production domain name or account, then the policy's fallback.
Environment resource_environment(const Resource& resource, const EnvironmentPolicy& policy);

class RuleContext {
 public:
  RuleContext(const Model& model, const RuleInfo& rule, const RunOptions& options,
              const JustificationReview* justifications = nullptr)
      : model_(model), rule_(rule), options_(options), justifications_(justifications) {}

  const Model& model() const { return model_; }
  const Settings& settings() const { return options_.settings; }
  // The resource's environment as the settings' EnvironmentPolicy decides: unspecified when
  // nothing says (no tag, no matching name or account, no `--env`).
  Environment environment_of(const Resource& resource) const;
  bool is_production(const Resource& resource) const { return environment_of(resource) == Environment::production; }
  const Date& as_of() const { return options_.as_of; }
  // What the run made of its justifications; only for rules that apply to justifications,
  // null for the others (they run before it is known).
  const JustificationReview* justifications() const { return justifications_; }

 private:
  const Model& model_;
  const RuleInfo& rule_;
  const RunOptions& options_;
  const JustificationReview* justifications_;
};

struct Finding {
  const RuleInfo* rule = nullptr;
  Level level = Level::warning;
  std::string message;
  Location location;
  // The domain, profile or space the finding is about; its tags hold justifications.
  const Resource* subject = nullptr;
  bool suppressed = false;
  // Where the accepted justification is written: beside the resource (a tag, template
  // Metadata; SARIF's "inSource") or in the configuration's waivers (SARIF's "external").
  bool suppressed_externally = false;
  Justification justification;  // the one that suppressed it: reason, owner, expiry
  bool justification_expired = false;  // it had one, but its expiry date has passed
  // The file could not be read or parsed at all. Such findings fail the run whatever the
  // fail level, and the CLI also reports them on stderr.
  bool unreadable_input = false;
  // A note that the rule could not be evaluated for the subject (Reporter::not_evaluable),
  // rather than a judgement of it.
  bool not_evaluable = false;
};

class Reporter {
 public:
  explicit Reporter(const RuleInfo& rule) : rule_(rule) {}

  // A finding about the value `at`. When that value is not written where it is (a template
  // parameter's default), the message says where it comes from.
  void report(const Resource& subject, const Value& at, std::string message) {
    report(subject, at, rule_.level, std::move(message));
  }
  void report(const Resource& subject, const Value& at, Level level, std::string message);
  void report(const Resource* subject, const Location& at, Level level, std::string message);
  // A note that the rule cannot be evaluated for `subject` (a value it needs is not known
  // before deployment, or not in the export), said once per resource however many values
  // are missing: "<subject> cannot be checked: <why>". Nothing for a profile or space whose
  // domain is not among the inputs: the model's notes already say what that leaves unchecked.
  void not_evaluable(const Resource& subject, const Location& at, std::string_view why);
  // For the input rule only: a file that could not be read or parsed.
  void report_unreadable(const Location& at, std::string message);

  // A value the findings reported while it lives rest on, besides the value they point at
  // (the domain's AuthMode, for a finding about a profile's SSO binding). When it is not
  // written where it is (a template parameter's default), the findings say where it comes from.
  class Premise {
   public:
    Premise(Reporter& reporter, Value value) : reporter_(reporter) { reporter_.premises_.push_back(std::move(value)); }
    ~Premise() { reporter_.premises_.pop_back(); }
    Premise(const Premise&) = delete;
    Premise& operator=(const Premise&) = delete;

   private:
    Reporter& reporter_;
  };

  std::vector<Finding> take() { return std::move(findings_); }

 private:
  const RuleInfo& rule_;
  std::vector<Finding> findings_;
  std::vector<Value> premises_;
  std::unordered_set<const Resource*> not_evaluable_;  // said once per resource
};

struct Rule {
  RuleInfo info;
  void (*check)(const RuleContext& context, Reporter& reporter);
};

// Whether a selection entry names the rule: its name, its id, or the start of its id of at
// least three characters ("SMD01"), so that "S" is no wildcard. Ids compare without case.
bool rule_matches(const RuleInfo& rule, std::string_view entry);

}  // namespace sagelint
