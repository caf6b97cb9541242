#include "sagelint/compliance.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace sagelint {
namespace {

constexpr std::string_view kIdentityRules[] = {"SMD001", "SMD002", "SMD004"};
constexpr std::string_view kNameRules[] = {"SMD003"};
constexpr std::string_view kStudioRules[] = {"SMD007", "SMD008", "SMD009"};
constexpr std::string_view kStudioSettings[] = {"DefaultLandingUri", "StudioWebPortal",
                                                "StudioWebPortalSettings.HiddenAppTypes"};
constexpr std::string_view kEfsRules[] = {"SMD010", "SMD011"};
constexpr std::string_view kEfsSettings[] = {"AutoMountHomeEFS"};
constexpr std::string_view kIdleRules[] = {"SMD027", "SMD028"};
constexpr std::string_view kIdleSettings[] = {"JupyterLabAppSettings.AppLifecycleManagement",
                                              "CodeEditorAppSettings.AppLifecycleManagement"};
constexpr std::string_view kRoleRules[] = {"SMD020", "SMD021"};
constexpr std::string_view kRoleSettings[] = {"ExecutionRole"};
constexpr std::string_view kToolRules[] = {"SMD022", "SMD023", "SMD024", "SMD025", "SMD026"};
constexpr std::string_view kToolSettings[] = {"StudioWebPortalSettings", "JupyterLabAppSettings.DefaultResourceSpec",
                                              "CodeEditorAppSettings.DefaultResourceSpec",
                                              "RStudioServerProAppSettings"};
constexpr std::string_view kTagRules[] = {"SMD034"};

constexpr Practice kPractices[] = {
    {"One person", "the profile is bound to, or tagged with, the one person who uses it", kIdentityRules, {}},
    {"Personal name", "the profile is not named after a team, a role or nobody in particular", kNameRules, {}},
    {"Studio, not Classic", "users land in Studio, and Studio Classic is hidden", kStudioRules, kStudioSettings},
    {"No EFS auto-mount", "the EFS home is mounted only where Classic or RStudio needs it", kEfsRules, kEfsSettings},
    {"Idle shutdown", "JupyterLab and Code Editor apps shut down when idle", kIdleRules, kIdleSettings},
    {"Execution role", "an explicit execution role, and sessions that record who acted", kRoleRules, kRoleSettings},
    {"Tools limited", "unused tools, apps and large instance types are hidden, and hiding is coherent", kToolRules,
     kToolSettings},
    {"Tagged", "the tags AWS accepts and the organisation requires", kTagRules, {}},
};

bool names_rule(const Practice& practice, std::string_view rule_id) {
  return std::find(practice.rules.begin(), practice.rules.end(), rule_id) != practice.rules.end();
}

// The members below the profile's UserSettings along `path`: whether it sets the value itself
// rather than inheriting the domain's. AutoMountHomeEFS 'DefaultAsDomain' inherits it.
bool sets_itself(const UserProfile& profile, std::span<const std::string_view> path) {
  Value value = profile.user_settings;
  for (std::string_view member : path) value = value[member];
  if (value.is_absent()) return false;
  return !(path.size() == 1 && path[0] == "AutoMountHomeEFS" && value.string() == "DefaultAsDomain");
}

std::vector<std::string_view> split_path(std::string_view dotted) {
  std::vector<std::string_view> path;
  for (size_t at = 0; at <= dotted.size();) {
    const size_t dot = std::min(dotted.find('.', at), dotted.size());
    path.push_back(dotted.substr(at, dot - at));
    at = dot + 1;
  }
  return path;
}

// The member names from the domain's DefaultUserSettings down to where the finding points;
// nullopt when it points elsewhere (the domain's own settings, its tags, another file).
std::optional<std::vector<std::string_view>> path_in_defaults(const Domain& domain, const Location& at) {
  const Value& defaults = domain.default_user_settings;
  if (at.tree == nullptr || at.node == kNoNode || at.tree != defaults.tree() || defaults.node() == kNoNode) {
    return std::nullopt;
  }
  std::vector<std::string_view> path;
  for (NodeId node = at.node; node != kNoNode; node = at.tree->node(node).parent) {
    if (node == defaults.node()) {
      std::reverse(path.begin(), path.end());
      return path;
    }
    const NodeId parent = at.tree->node(node).parent;
    if (parent != kNoNode && at.tree->node(parent).kind == NodeKind::object) path.push_back(at.tree->key(node));
  }
  return std::nullopt;
}

// Whether a finding about the domain is about a default the profile inherits: the value it
// points at when it points into DefaultUserSettings, else (a default the domain does not set)
// any of the practice's settings the profile does not set itself.
bool inherits(const UserProfile& profile, const Domain& domain, const Finding& finding, const Practice& practice) {
  if (practice.settings.empty()) return false;
  std::optional<std::vector<std::string_view>> path = path_in_defaults(domain, finding.location);
  const bool at_domain = finding.location.tree == domain.root.tree() && finding.location.node == domain.root.node();
  if (!path && !(at_domain && domain.default_user_settings.is_absent())) return false;
  if (path && !path->empty()) return !sets_itself(profile, *path);
  return std::any_of(practice.settings.begin(), practice.settings.end(),
                     [&](std::string_view dotted) { return !sets_itself(profile, split_path(dotted)); });
}

PracticeCell judge(std::span<const size_t> own, std::span<const size_t> inherited, const LintResult& result) {
  PracticeCell cell;
  const auto is_open = [&](size_t k) {
    const Finding& f = result.findings[k];
    return !f.suppressed && !f.not_evaluable && f.level != Level::note;
  };
  for (size_t k : own) {
    if (is_open(k)) cell.findings.push_back(k);
  }
  // The profile's own findings come first; the cell is marked inherited only without them.
  cell.inherited = cell.findings.empty();
  for (size_t k : inherited) {
    if (is_open(k)) cell.findings.push_back(k);
  }
  if (!cell.findings.empty()) {
    cell.state = PracticeState::broken;
    return cell;
  }
  cell.inherited = false;
  for (PracticeState state : {PracticeState::justified, PracticeState::unknown}) {
    for (std::span<const size_t> findings : {own, inherited}) {
      for (size_t k : findings) {
        const Finding& f = result.findings[k];
        const bool matches = state == PracticeState::justified ? f.suppressed : f.not_evaluable;
        if (matches) cell.findings.push_back(k);
      }
    }
    if (!cell.findings.empty()) {
      cell.state = state;
      return cell;
    }
  }
  cell.state = PracticeState::holds;
  return cell;
}

std::string_view sort_name(const Resource* resource) { return resource ? resource->display_name() : ""; }

class Assessor {
 public:
  Assessor(const LintResult& result, const Settings& settings) : result_(result), settings_(settings) {
    for (const Rule* rule : result.rules) ran_.insert(rule->info.id);
    for (size_t k = 0; k < result.findings.size(); ++k) by_subject_[result.findings[k].subject].push_back(k);
  }

  Compliance assess() {
    Compliance compliance;
    compliance.counts = count_findings(result_.findings);
    std::vector<const Domain*> domains;
    for (const Domain& domain : result_.model.domains) domains.push_back(&domain);
    std::stable_sort(domains.begin(), domains.end(),
                     [](const Domain* a, const Domain* b) { return sort_name(a) < sort_name(b); });
    for (const Domain* domain : domains) compliance.domains.push_back(assess_domain(domain));
    DomainCompliance orphans = assess_domain(nullptr);
    if (!orphans.profiles.empty() || !orphans.findings.empty()) compliance.domains.push_back(std::move(orphans));

    for (size_t k = 0; k < result_.findings.size(); ++k) {
      const Finding& finding = result_.findings[k];
      if (finding.subject == nullptr) compliance.other_findings.push_back(k);
      if (finding.suppressed) compliance.exceptions.push_back(k);
    }
    std::stable_sort(compliance.exceptions.begin(), compliance.exceptions.end(), [&](size_t a, size_t b) {
      const auto& ea = result_.findings[a].justification.expires;
      const auto& eb = result_.findings[b].justification.expires;
      return std::make_tuple(!ea.has_value(), ea.value_or(Date{})) < std::make_tuple(!eb.has_value(), eb.value_or(Date{}));
    });
    compliance.rules = count_by_rule();
    return compliance;
  }

 private:
  std::span<const size_t> findings_about(const Resource* resource) const {
    const auto it = by_subject_.find(resource);
    return it == by_subject_.end() ? std::span<const size_t>() : std::span<const size_t>(it->second);
  }

  std::vector<size_t> of_practice(std::span<const size_t> findings, const Practice& practice) const {
    std::vector<size_t> kept;
    for (size_t k : findings) {
      if (names_rule(practice, result_.findings[k].rule->id)) kept.push_back(k);
    }
    return kept;
  }

  bool evaluated(const Practice& practice) const {
    return std::any_of(practice.rules.begin(), practice.rules.end(),
                       [&](std::string_view id) { return ran_.contains(id); });
  }

  ProfileRow profile_row(const UserProfile& profile, const Domain* domain) const {
    ProfileRow row{&profile, {}};
    for (const Practice& practice : kPractices) {
      if (!evaluated(practice)) {
        row.cells.emplace_back();
        continue;
      }
      const std::vector<size_t> own = of_practice(findings_about(&profile), practice);
      std::vector<size_t> inherited;
      if (domain != nullptr) {
        for (size_t k : of_practice(findings_about(domain), practice)) {
          if (inherits(profile, *domain, result_.findings[k], practice)) inherited.push_back(k);
        }
      }
      PracticeCell cell = judge(own, inherited, result_);
      // Without its domain, the defaults it inherits are unknown: nothing holds for certain.
      if (domain == nullptr && cell.state == PracticeState::holds && !practice.settings.empty()) {
        cell.state = PracticeState::unknown;
      }
      row.cells.push_back(std::move(cell));
    }
    return row;
  }

  DomainCompliance assess_domain(const Domain* domain) const {
    DomainCompliance assessed;
    assessed.domain = domain;
    std::vector<const UserProfile*> profiles;
    std::vector<const Space*> spaces;
    if (domain != nullptr) {
      assessed.environment = resource_environment(*domain, settings_.env);
      profiles = domain->profiles;
      spaces = domain->spaces;
      assessed.defaults.resource = domain;
      for (const Practice& practice : kPractices) {
        assessed.defaults.cells.push_back(evaluated(practice)
                                              ? judge(of_practice(findings_about(domain), practice), {}, result_)
                                              : PracticeCell{});
      }
    } else {
      for (const UserProfile& profile : result_.model.profiles) {
        if (profile.domain == nullptr) profiles.push_back(&profile);
      }
      for (const Space& space : result_.model.spaces) {
        if (space.domain == nullptr) spaces.push_back(&space);
      }
    }
    std::stable_sort(profiles.begin(), profiles.end(),
                     [](const UserProfile* a, const UserProfile* b) { return sort_name(a) < sort_name(b); });
    for (const UserProfile* profile : profiles) assessed.profiles.push_back(profile_row(*profile, domain));

    std::vector<const Resource*> members;
    if (domain != nullptr) members.push_back(domain);
    members.insert(members.end(), profiles.begin(), profiles.end());
    members.insert(members.end(), spaces.begin(), spaces.end());
    for (const Resource* member : members) {
      for (size_t k : findings_about(member)) assessed.findings.push_back(k);
    }
    // Open findings first, each group in the report's order (file, position).
    std::sort(assessed.findings.begin(), assessed.findings.end(), [&](size_t a, size_t b) {
      return std::make_tuple(result_.findings[a].suppressed, a) < std::make_tuple(result_.findings[b].suppressed, b);
    });
    for (size_t k : assessed.findings) assessed.counts.add(result_.findings[k]);
    return assessed;
  }

  std::vector<RuleCount> count_by_rule() const {
    std::vector<RuleCount> counts;
    std::unordered_map<std::string_view, size_t> index;
    std::vector<const Rule*> rules = result_.rules;
    std::sort(rules.begin(), rules.end(), [](const Rule* a, const Rule* b) { return a->info.id < b->info.id; });
    for (const Rule* rule : rules) {
      index.emplace(rule->info.id, counts.size());
      counts.push_back(RuleCount{rule, {}});
    }
    for (const Finding& finding : result_.findings) {
      const auto it = index.find(finding.rule->id);
      if (it != index.end()) counts[it->second].counts.add(finding);
    }
    return counts;
  }

  const LintResult& result_;
  const Settings& settings_;
  std::unordered_set<std::string_view> ran_;
  std::unordered_map<const Resource*, std::vector<size_t>> by_subject_;
};

}  // namespace

void LevelCounts::add(const Finding& finding) {
  if (finding.suppressed) {
    ++justified;
    return;
  }
  switch (finding.level) {
    case Level::error: ++errors; break;
    case Level::warning: ++warnings; break;
    case Level::note: ++notes; break;
  }
}

std::span<const Practice> headline_practices() { return kPractices; }

std::string_view symbol(PracticeState state) {
  switch (state) {
    case PracticeState::holds: return "✓";
    case PracticeState::broken: return "✗";
    case PracticeState::justified: return "✓ justified";
    case PracticeState::unknown: return "?";
    case PracticeState::not_evaluated: return "n.a.";
  }
  return "n.a.";
}

std::string_view meaning(PracticeState state) {
  switch (state) {
    case PracticeState::holds: return "the practice holds: its rules ran and found nothing";
    case PracticeState::broken:
      return "an open error or warning about the profile, or about a domain default it inherits (↑)";
    case PracticeState::justified: return "departs from the practice with a justification in force";
    case PracticeState::unknown:
      return "cannot be checked: a value is not known before deployment, or the domain is not among the inputs";
    case PracticeState::not_evaluated: return "not evaluated: none of the practice's rules ran";
  }
  return "";
}

std::string_view to_string(Environment environment) {
  switch (environment) {
    case Environment::production: return "production";
    case Environment::nonproduction: return "non-production";
    case Environment::unspecified: return "unspecified";
  }
  return "unspecified";
}

Compliance assess_compliance(const LintResult& result, const Settings& settings) {
  return Assessor(result, settings).assess();
}

bool expires_within(const Date& expires, const Date& today, int days) { return days_between(today, expires) <= days; }

}  // namespace sagelint
