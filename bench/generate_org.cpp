// generate_org: a synthetic organisation export for the benchmark (see bench/README.md).
//
// Writes the same SageMaker AI domains, user profiles and spaces in both layouts sagelint reads:
//   OUT/bundle.json  {"Domains": [...], "UserProfiles": [...], "Spaces": [...]}
//   OUT/files/       domains/<DomainId>.json, profiles/<DomainId>/<UserProfileName>.json and
//                    spaces/<DomainId>/<SpaceName>.json
// Every document is a describe-* output (field names and shapes of the SageMaker API) with the
// "Tags" list-tags returns, pretty-printed with 2-space indentation (--indent 4 gives the AWS
// CLI's own). Most resources are compliant; about one in twelve breaks one seed rule, so a run
// pays for findings and reports too. A seed names one data set: every document is derived
// from the seed and its own indices, never from a shared stream.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr double kFlawRate = 0.08;

// splitmix64: the same numbers on every platform, which <random>'s distributions do not promise.
class Random {
 public:
  // A stream of its own for each document, keyed by what the document is.
  Random(uint64_t seed, uint64_t kind, uint64_t a, uint64_t b = 0, uint64_t c = 0)
      : state_(seed ^ (kind * 0x9E3779B97F4A7C15ull)) {
    for (uint64_t key : {a, b, c}) state_ = mix(state_ + key + 0x632BE59BD9B4E019ull);
  }
  uint64_t next() { return mix(state_ += 0x9E3779B97F4A7C15ull); }
  size_t below(size_t bound) { return static_cast<size_t>(next() % bound); }
  int64_t between(int64_t low, int64_t high) { return low + static_cast<int64_t>(next() % uint64_t(high - low + 1)); }
  bool chance(double probability) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < probability; }
  template <class Items>
  const auto& pick(const Items& items) {
    return items[below(std::size(items))];
  }
  std::string digits(size_t count, std::string_view alphabet) {
    std::string out;
    for (size_t i = 0; i < count; ++i) out += alphabet[below(alphabet.size())];
    return out;
  }
  std::string hex(size_t count) { return digits(count, "0123456789abcdef"); }

 private:
  static uint64_t mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint64_t state_;
};

// What each random stream is for; part of the stream's key.
enum Stream : uint64_t { kOrganisationStream = 1, kDomainStream, kProfileIdentityStream, kProfileStream, kSpaceStream };

// One pretty-printed JSON document. RapidJSON's PrettyWriter lays values out as Python's
// json.dump(indent=N) does: one member per line, "key": value, empty lists as []. That is the
// layout of `aws ... --output json` (which indents by 4) and of jq (which indents by 2).
class JsonText {
 public:
  explicit JsonText(unsigned indent) : writer_(buffer_) { writer_.SetIndent(' ', indent); }
  JsonText(const JsonText&) = delete;
  JsonText& operator=(const JsonText&) = delete;

  void begin_object() { writer_.StartObject(); }
  void begin_object(std::string_view key) {
    name(key);
    writer_.StartObject();
  }
  void end_object() { writer_.EndObject(); }
  void begin_array(std::string_view key) {
    name(key);
    writer_.StartArray();
  }
  void end_array() { writer_.EndArray(); }
  void field(std::string_view key, std::string_view value) {
    name(key);
    string(value);
  }
  void number(std::string_view key, int64_t value) {
    name(key);
    writer_.Int64(value);
  }
  void strings(std::string_view key, const std::vector<std::string>& values) {
    begin_array(key);
    for (const std::string& value : values) string(value);
    end_array();
  }
  void string(std::string_view value) { writer_.String(value.data(), static_cast<rapidjson::SizeType>(value.size())); }
  std::string_view text() const { return {buffer_.GetString(), buffer_.GetSize()}; }

 private:
  void name(std::string_view key) { writer_.Key(key.data(), static_cast<rapidjson::SizeType>(key.size())); }
  rapidjson::StringBuffer buffer_;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer_;
};

struct Tag {
  std::string key;
  std::string value;
};

void write_tags(JsonText& json, const std::vector<Tag>& tags) {
  json.begin_array("Tags");
  for (const Tag& tag : tags) {
    json.begin_object();
    json.field("Key", tag.key);
    json.field("Value", tag.value);
    json.end_object();
  }
  json.end_array();
}

// AWS CLI v2 prints timestamps in ISO 8601 with microseconds and the UTC offset.
std::string iso_timestamp(int64_t seconds, int64_t microseconds) {
  using namespace std::chrono;
  const sys_seconds at{std::chrono::seconds{seconds}};
  const sys_days day = floor<days>(at);
  const year_month_day date{day};
  const hh_mm_ss time{at - day};
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%06" PRId64 "+00:00", int(date.year()),
                unsigned(date.month()), unsigned(date.day()), int(time.hours().count()), int(time.minutes().count()),
                int(time.seconds().count()), microseconds);
  return text;
}

void write_times(JsonText& json, Random& random, int64_t created) {
  const int64_t modified = created + random.between(3600, 120 * 86400);
  json.field("LastModifiedTime", iso_timestamp(modified, random.between(0, 999) * 1000));
  json.field("CreationTime", iso_timestamp(created, random.between(0, 999) * 1000));
}

// ---------------------------------------------------------------------------------------------
// Who and what the organisation is made of.

struct Name {
  std::string_view slug;     // for resource names: ASCII letters only
  std::string_view display;  // for people to read
};

constexpr Name kFirstNames[] = {
    {"ana", "Ana"},           {"jose", "José"},     {"wei", "Wei"},       {"priya", "Priya"},   {"liam", "Liam"},
    {"zoe", "Zoë"},           {"omar", "Omar"},     {"sofia", "Sofia"},   {"kenji", "Kenji"},   {"amara", "Amara"},
    {"lucas", "Lucas"},       {"ingrid", "Ingrid"}, {"mateo", "Mateo"},   {"aisha", "Aisha"},   {"noah", "Noah"},
    {"francois", "François"}, {"mei", "Mei"},       {"arjun", "Arjun"},   {"elena", "Elena"},   {"tomas", "Tomás"},
    {"hana", "Hana"},         {"david", "David"},   {"fatima", "Fatima"}, {"bjorn", "Björn"},   {"chloe", "Chloe"},
    {"ravi", "Ravi"},         {"lucia", "Lucía"},   {"yusuf", "Yusuf"},   {"emma", "Emma"},     {"diego", "Diego"},
    {"sara", "Sara"},         {"jin", "Jin"},       {"olga", "Olga"},     {"kwame", "Kwame"},   {"nina", "Nina"},
    {"pedro", "Pedro"},       {"yuki", "Yuki"},     {"leila", "Leila"},   {"marcus", "Marcus"}, {"ines", "Inês"},
};
constexpr Name kLastNames[] = {
    {"lopez", "López"},     {"chen", "Chen"},         {"patel", "Patel"},         {"smith", "Smith"},
    {"muller", "Müller"},   {"tanaka", "Tanaka"},     {"okafor", "Okafor"},       {"rossi", "Rossi"},
    {"garcia", "García"},   {"kim", "Kim"},           {"nguyen", "Nguyen"},       {"johansson", "Johansson"},
    {"silva", "Silva"},     {"haddad", "Haddad"},     {"novak", "Novak"},         {"dubois", "Dubois"},
    {"sato", "Sato"},       {"kowalski", "Kowalski"}, {"nunez", "Núñez"},         {"brown", "Brown"},
    {"ivanova", "Ivanova"}, {"mensah", "Mensah"},     {"fischer", "Fischer"},     {"santos", "Santos"},
    {"wang", "Wang"},       {"sorensen", "Sørensen"}, {"ahmed", "Ahmed"},         {"costa", "Costa"},
    {"murphy", "Murphy"},   {"yilmaz", "Yılmaz"},     {"park", "Park"},           {"ferrari", "Ferrari"},
    {"reddy", "Reddy"},     {"oconnor", "O'Connor"},  {"kaur", "Kaur"},           {"schmidt", "Schmidt"},
    {"alvarez", "Álvarez"}, {"hughes", "Hughes"},     {"lindqvist", "Lindqvist"}, {"mwangi", "Mwangi"},
};
constexpr size_t kPeople = std::size(kFirstNames) * std::size(kLastNames);
// Coprime with kPeople, so the first kPeople profiles of a domain are different people.
constexpr size_t kPersonStep = 617;

constexpr std::string_view kTeams[] = {
    "fraud-detection",   "credit-risk",         "pricing",        "churn",           "recommendations",
    "forecasting",       "marketing-analytics", "search-ranking", "computer-vision", "nlp-platform",
    "supply-chain",      "genai-lab",           "ads-ml",         "clinical-ml",     "geospatial",
    "customer-insights", "payments-risk",       "ml-platform",    "data-science",    "quant-research",
};
struct Region {
  std::string_view name;
  // SageMaker Distribution images belong to an AWS account of each region, not to the
  // organisation; these stand in for those accounts.
  std::string_view image_account;
};
constexpr Region kRegions[] = {{"us-east-1", "885854791233"},
                               {"us-west-2", "542918446943"},
                               {"eu-west-1", "819792524951"},
                               {"eu-central-1", "936697816551"},
                               {"ap-southeast-2", "452832661640"}};
constexpr std::string_view kCostCenters[] = {"CC-1042", "CC-2210", "CC-3187", "CC-4471", "CC-5530", "CC-6605"};
constexpr std::string_view kNotebookInstances[] = {"ml.t3.medium",  "ml.t3.large",  "ml.m5.large", "ml.m5.xlarge",
                                                   "ml.m5.2xlarge", "ml.c5.xlarge", "ml.r5.large", "ml.g4dn.xlarge",
                                                   "ml.g5.xlarge",  "ml.g5.2xlarge"};
constexpr std::string_view kDistributionVersions[] = {"1.9.0", "2.1.0", "2.2.1", "2.3.0", "2.4.1"};
// Studio tools a platform team typically hides from data scientists.
constexpr std::string_view kHideableMlTools[] = {
    "DataWrangler", "FeatureStore", "EmrClusters",      "AutoMl", "Experiments", "InferenceRecommender",
    "Endpoints",    "Projects",     "HyperPodClusters", "Comet",  "Fiddler"};
constexpr std::string_view kGenericProfileNames[] = {"ds-team-shared", "analytics-shared", "research-group",
                                                     "ml-common",      "data-team",        "platform-team-shared"};

std::vector<std::string> some_of(Random& random, std::span<const std::string_view> items, size_t at_least) {
  std::vector<std::string> out;
  for (std::string_view item : items) {
    if (random.chance(0.4)) out.emplace_back(item);
  }
  for (size_t i = 0; out.size() < at_least && i < items.size(); ++i) {
    if (std::find(out.begin(), out.end(), items[i]) == out.end()) out.emplace_back(items[i]);
  }
  return out;
}

struct Organisation {
  uint64_t seed;
  std::string account;
  std::string org;  // appears in bucket names, repositories and e-mail addresses
  size_t profiles_per_domain;
  size_t spaces_per_profile;
  unsigned indent;
};

// A flaw is one deliberate departure from a seed rule; a resource has at most one.
enum class DomainFlaw : uint8_t { none, public_internet, classic_landing, efs_auto_mount, invalid_name };
enum class ProfileFlaw : uint8_t {
  none,
  generic_name,
  shared_sso_user,
  invalid_name,
  classic_landing,
  efs_auto_mount,
  studio_disabled
};
enum class SpaceFlaw : uint8_t { none, invalid_name, long_display_name, blank_display_name };

struct Domain {
  size_t index;
  std::string id;
  std::string name;
  std::string team;
  std::string environment;  // prod, staging or dev
  std::string region;
  std::string_view image_account;
  std::string arn_prefix;  // arn:aws:sagemaker:<region>:<account>
  std::string efs_id;
  bool sso;
  bool rstudio;  // RStudio needs EFS, so auto-mounting it is right there
  DomainFlaw flaw;
  int64_t created;
  size_t person_offset;
};

struct Person {
  Name first;
  Name last;
  size_t cohort;  // beyond kPeople profiles per domain, names repeat with a number
  std::string slug() const {
    std::string out = std::string(first.slug) + "-" + std::string(last.slug);
    if (cohort > 0) out += "-" + std::to_string(cohort + 1);
    return out;
  }
  std::string display() const { return std::string(first.display) + " " + std::string(last.display); }
  std::string sso_user(const Organisation& org) const {
    std::string out = std::string(first.slug) + "." + std::string(last.slug);
    if (cohort > 0) out += std::to_string(cohort + 1);
    return out + "@" + org.org + ".example.com";
  }
};

Person person_of(const Domain& domain, size_t index) {
  const size_t at = (domain.person_offset + (index % kPeople) * kPersonStep) % kPeople;
  return Person{kFirstNames[at % std::size(kFirstNames)], kLastNames[at / std::size(kFirstNames)], index / kPeople};
}

struct Profile {
  size_t index;
  Person person;
  std::string name;
  std::string sso_user;  // empty in IAM domains
  ProfileFlaw flaw;
};

Organisation make_organisation(uint64_t seed, size_t profiles, size_t spaces, unsigned indent) {
  Random random(seed, kOrganisationStream, 0);
  constexpr std::string_view kOrgs[] = {"anycompany", "examplecorp", "octank", "acme-analytics", "northwind"};
  return Organisation{seed,
                      random.digits(1, "123456789") + random.digits(11, "0123456789"),
                      std::string(random.pick(kOrgs)),
                      profiles,
                      spaces,
                      indent};
}

DomainFlaw pick_domain_flaw(Random& random) {
  if (!random.chance(kFlawRate)) return DomainFlaw::none;
  constexpr DomainFlaw kFlaws[] = {DomainFlaw::public_internet, DomainFlaw::classic_landing, DomainFlaw::efs_auto_mount,
                                   DomainFlaw::invalid_name};
  return random.pick(kFlaws);
}

Domain make_domain(const Organisation& org, size_t index) {
  Random random(org.seed, kDomainStream, index);
  Domain domain;
  domain.index = index;
  domain.id = "d-" + random.digits(12, "abcdefghijklmnopqrstuvwxyz0123456789");
  domain.team = std::string(kTeams[index % std::size(kTeams)]);
  constexpr std::string_view kEnvironments[] = {"prod", "prod", "staging", "dev", "dev"};
  domain.environment = std::string(random.pick(kEnvironments));
  const Region& region = random.pick(kRegions);
  domain.region = std::string(region.name);
  domain.image_account = region.image_account;
  domain.arn_prefix = "arn:aws:sagemaker:" + domain.region + ":" + org.account;
  domain.efs_id = "fs-" + random.hex(17);
  domain.sso = random.chance(0.6);
  domain.rstudio = random.chance(0.05);
  domain.flaw = pick_domain_flaw(random);
  // RStudio is the one reason to auto-mount EFS, so there it would be no flaw.
  if (domain.rstudio && domain.flaw == DomainFlaw::efs_auto_mount) domain.flaw = DomainFlaw::public_internet;
  // Between 2023-01-01 and 2025-03-10, so that profiles and spaces, created up to 400 days
  // later and modified up to 120 days after that, still lie in the past.
  domain.created = 1672531200 + random.between(0, 800 * 86400LL);
  domain.person_offset = random.below(kPeople);
  domain.name = domain.team + "-" + domain.environment;
  if (index >= std::size(kTeams)) domain.name += "-" + std::to_string(index / std::size(kTeams) + 1);
  if (domain.flaw == DomainFlaw::invalid_name) {
    for (char& c : domain.name) c = c == '-' ? '_' : c;
  }
  return domain;
}

ProfileFlaw pick_profile_flaw(Random& random, const Domain& domain, const Organisation& org) {
  if (!random.chance(kFlawRate)) return ProfileFlaw::none;
  constexpr ProfileFlaw kFlaws[] = {ProfileFlaw::generic_name,   ProfileFlaw::shared_sso_user,
                                    ProfileFlaw::invalid_name,   ProfileFlaw::classic_landing,
                                    ProfileFlaw::efs_auto_mount, ProfileFlaw::studio_disabled};
  const ProfileFlaw flaw = random.pick(kFlaws);
  if (flaw == ProfileFlaw::shared_sso_user && (!domain.sso || org.profiles_per_domain < 2)) {
    return ProfileFlaw::generic_name;
  }
  return flaw;
}

// A profile's identity is needed again for its spaces, so it comes from a stream of its own.
Profile make_profile(const Organisation& org, const Domain& domain, size_t index) {
  Random random(org.seed, kProfileIdentityStream, domain.index, index);
  Profile profile{index, person_of(domain, index), {}, {}, pick_profile_flaw(random, domain, org)};
  profile.name = profile.person.slug();
  if (domain.sso) profile.sso_user = profile.person.sso_user(org);
  switch (profile.flaw) {
    case ProfileFlaw::generic_name:
      profile.name = std::string(random.pick(kGenericProfileNames)) + "-" + std::to_string(index);
      break;
    case ProfileFlaw::invalid_name:
      for (char& c : profile.name) c = c == '-' ? '_' : c;
      break;
    case ProfileFlaw::shared_sso_user:
      // Bound to the user of a neighbouring profile, as a copy-pasted onboarding script does.
      profile.sso_user = person_of(domain, index == 0 ? 1 : index - 1).sso_user(org);
      break;
    default:
      break;
  }
  return profile;
}

// ---------------------------------------------------------------------------------------------
// describe-domain

std::string role_arn(const Organisation& org, std::string_view path_and_name) {
  return "arn:aws:iam::" + org.account + ":role/" + std::string(path_and_name);
}

std::string image_arn(const Domain& domain, std::string_view image) {
  return "arn:aws:sagemaker:" + domain.region + ":" + std::string(domain.image_account) + ":image/" +
         std::string(image);
}

std::vector<std::string> security_groups(Random& random, size_t count) {
  std::vector<std::string> groups;
  for (size_t i = 0; i < count; ++i) groups.push_back("sg-" + random.hex(17));
  return groups;
}

void write_resource_spec(JsonText& json, Random& random, const Domain& domain, std::string_view image) {
  json.begin_object("DefaultResourceSpec");
  json.field("SageMakerImageArn", image_arn(domain, image));
  json.field("SageMakerImageVersionAlias", random.pick(kDistributionVersions));
  json.field("InstanceType", random.pick(kNotebookInstances));
  json.end_object();
}

void write_idle_settings(JsonText& json, Random& random, bool domain_level) {
  json.begin_object("AppLifecycleManagement");
  json.begin_object("IdleSettings");
  if (domain_level) json.field("LifecycleManagement", "ENABLED");
  json.number("IdleTimeoutInMinutes", 60 * random.between(1, 4));
  if (domain_level) {
    json.number("MinIdleTimeoutInMinutes", 60);
    json.number("MaxIdleTimeoutInMinutes", 60 * random.between(8, 24));
  }
  json.end_object();
  json.end_object();
}

void write_code_repositories(JsonText& json, const Organisation& org, std::string_view repository) {
  json.begin_array("CodeRepositories");
  json.begin_object();
  json.field("RepositoryUrl", "https://github.com/" + org.org + "/" + std::string(repository) + ".git");
  json.end_object();
  json.end_array();
}

void write_canvas_settings(JsonText& json, Random& random, const Organisation& org, const Domain& domain) {
  const auto status = [&] { return random.chance(0.3) ? "ENABLED" : "DISABLED"; };
  json.begin_object("CanvasAppSettings");
  json.begin_object("TimeSeriesForecastingSettings");
  json.field("Status", status());
  json.end_object();
  json.begin_object("ModelRegisterSettings");
  json.field("Status", status());
  json.end_object();
  json.begin_object("WorkspaceSettings");
  json.field("S3ArtifactPath", "s3://sagemaker-" + domain.region + "-" + org.account + "/canvas/" + domain.team);
  json.end_object();
  json.begin_object("DirectDeploySettings");
  json.field("Status", status());
  json.end_object();
  json.begin_object("KendraSettings");
  json.field("Status", "DISABLED");
  json.end_object();
  json.begin_object("GenerativeAiSettings");
  json.field("AmazonBedrockRoleArn", role_arn(org, "service-role/" + domain.team + "-canvas-bedrock"));
  json.end_object();
  json.end_object();
}

void write_default_user_settings(JsonText& json, Random& random, const Organisation& org, const Domain& domain) {
  json.begin_object("DefaultUserSettings");
  json.field("ExecutionRole", role_arn(org, "sagemaker/" + domain.team + "-studio-execution"));
  json.strings("SecurityGroups", security_groups(random, 1 + random.below(2)));
  if (domain.rstudio) {
    json.begin_object("RStudioServerProAppSettings");
    json.field("AccessStatus", "ENABLED");
    json.field("UserGroup", "R_STUDIO_USER");
    json.end_object();
  }
  const bool canvas = random.chance(0.5);
  if (canvas) write_canvas_settings(json, random, org, domain);
  json.begin_object("CodeEditorAppSettings");
  write_resource_spec(json, random, domain, "sagemaker-distribution-cpu");
  json.strings("LifecycleConfigArns",
               {domain.arn_prefix + ":studio-lifecycle-config/" + domain.team + "-code-editor-setup"});
  write_idle_settings(json, random, true);
  json.end_object();
  json.begin_object("JupyterLabAppSettings");
  write_resource_spec(json, random, domain, "sagemaker-distribution-cpu");
  json.strings("LifecycleConfigArns",
               {domain.arn_prefix + ":studio-lifecycle-config/" + domain.team + "-jupyterlab-setup"});
  write_code_repositories(json, org, domain.team + "-notebooks");
  write_idle_settings(json, random, true);
  json.end_object();
  json.begin_object("SpaceStorageSettings");
  json.begin_object("DefaultEbsStorageSettings");
  json.number("DefaultEbsVolumeSizeInGb", 10 * random.between(2, 10));
  json.number("MaximumEbsVolumeSizeInGb", 100 * random.between(2, 10));
  json.end_object();
  json.end_object();
  json.field("DefaultLandingUri", domain.flaw == DomainFlaw::classic_landing ? "app:JupyterServer:" : "studio::");
  json.field("StudioWebPortal", "ENABLED");
  if (random.chance(0.3)) {
    json.begin_object("CustomPosixUserConfig");
    json.number("Uid", 200000 + random.between(0, 9999));
    json.number("Gid", 1001);
    json.end_object();
  }
  json.begin_object("StudioWebPortalSettings");
  json.strings("HiddenMlTools", some_of(random, kHideableMlTools, 2));
  std::vector<std::string> hidden_apps{"JupyterServer"};
  if (!canvas) hidden_apps.emplace_back("Canvas");
  if (!domain.rstudio) hidden_apps.emplace_back("RStudioServerPro");
  json.strings("HiddenAppTypes", hidden_apps);
  json.field("ExecutionRoleSessionNameMode", "USER_IDENTITY");
  json.end_object();
  const bool auto_mount = domain.rstudio || domain.flaw == DomainFlaw::efs_auto_mount;
  json.field("AutoMountHomeEFS", auto_mount ? "Enabled" : "Disabled");
  json.end_object();
}

void write_domain_settings(JsonText& json, Random& random, const Organisation& org, const Domain& domain) {
  json.begin_object("DomainSettings");
  json.strings("SecurityGroupIds", security_groups(random, 1));
  if (domain.rstudio) {
    json.begin_object("RStudioServerProDomainSettings");
    json.field("DomainExecutionRoleArn", role_arn(org, "sagemaker/" + domain.team + "-rstudio-domain"));
    json.begin_object("DefaultResourceSpec");
    json.field("InstanceType", "system");
    json.end_object();
    json.end_object();
  }
  json.field("ExecutionRoleIdentityConfig", "USER_PROFILE_NAME");
  json.begin_object("DockerSettings");
  json.field("EnableDockerAccess", random.chance(0.2) ? "ENABLED" : "DISABLED");
  json.end_object();
  if (domain.sso) {
    json.begin_object("AmazonQSettings");
    json.field("Status", "ENABLED");
    json.field("QProfileArn", "arn:aws:codewhisperer:us-east-1:" + org.account + ":profile/" +
                                  random.digits(12, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"));
    json.end_object();
  }
  json.field("IpAddressType", "ipv4");
  json.end_object();
}

void write_default_space_settings(JsonText& json, Random& random, const Organisation& org, const Domain& domain) {
  json.begin_object("DefaultSpaceSettings");
  json.field("ExecutionRole", role_arn(org, "sagemaker/" + domain.team + "-shared-space-execution"));
  json.strings("SecurityGroups", security_groups(random, 1));
  json.begin_object("JupyterLabAppSettings");
  write_resource_spec(json, random, domain, "sagemaker-distribution-cpu");
  write_code_repositories(json, org, domain.team + "-shared-notebooks");
  json.end_object();
  json.begin_object("SpaceStorageSettings");
  json.begin_object("DefaultEbsStorageSettings");
  json.number("DefaultEbsVolumeSizeInGb", 50);
  json.number("MaximumEbsVolumeSizeInGb", 500);
  json.end_object();
  json.end_object();
  json.end_object();
}

std::vector<Tag> domain_tags(const Organisation& org, const Domain& domain) {
  std::vector<Tag> tags{{"Environment", domain.environment},
                        {"Team", domain.team},
                        {"CostCenter", std::string(kCostCenters[domain.index % std::size(kCostCenters)])},
                        {"Owner", domain.team + "-leads@" + org.org + ".example.com"},
                        {"ManagedBy", "terraform"}};
  // Half the sandboxes on the public internet say why, and sagelint accepts it outside production.
  if (domain.flaw == DomainFlaw::public_internet && domain.environment != "prod" && domain.index % 2 == 0) {
    tags.push_back(
        {"sagelint:justify:SMD015",
         "Sandbox for the onboarding course without VPC endpoints; approved in SEC-1187 expires=2099-12-31"});
  }
  return tags;
}

std::string domain_document(const Organisation& org, const Domain& domain) {
  Random random(org.seed, kDomainStream, domain.index, 1);
  const bool vpc_only = domain.flaw != DomainFlaw::public_internet;
  JsonText json(org.indent);
  json.begin_object();
  json.field("DomainArn", domain.arn_prefix + ":domain/" + domain.id);
  json.field("DomainId", domain.id);
  json.field("DomainName", domain.name);
  json.field("HomeEfsFileSystemId", domain.efs_id);
  if (domain.sso) {
    const std::string instance = "ssoins-" + random.hex(16);
    json.field("SingleSignOnManagedApplicationInstanceId", instance);
    json.field("SingleSignOnApplicationArn",
               "arn:aws:sso::" + org.account + ":application/" + instance + "/apl-" + random.hex(16));
  }
  json.field("Status", random.chance(0.95) ? "InService" : "Updating");
  json.field("CreationTime", iso_timestamp(domain.created, random.between(0, 999) * 1000));
  json.field("LastModifiedTime",
             iso_timestamp(domain.created + random.between(86400, 300 * 86400), random.between(0, 999) * 1000));
  if (vpc_only) json.field("SecurityGroupIdForDomainBoundary", "sg-" + random.hex(17));
  json.field("AuthMode", domain.sso ? "SSO" : "IAM");
  write_default_user_settings(json, random, org, domain);
  write_domain_settings(json, random, org, domain);
  json.field("AppNetworkAccessType", vpc_only ? "VpcOnly" : "PublicInternetOnly");
  json.strings("SubnetIds", {"subnet-" + random.hex(17), "subnet-" + random.hex(17), "subnet-" + random.hex(17)});
  json.field("Url", "https://" + domain.id + ".studio." + domain.region + ".sagemaker.aws");
  json.field("VpcId", "vpc-" + random.hex(17));
  json.field("KmsKeyId", "arn:aws:kms:" + domain.region + ":" + org.account + ":key/" + random.hex(8) + "-" +
                             random.hex(4) + "-" + random.hex(4) + "-" + random.hex(4) + "-" + random.hex(12));
  if (domain.rstudio) json.field("AppSecurityGroupManagement", "Service");
  json.field("TagPropagation", "ENABLED");
  write_default_space_settings(json, random, org, domain);
  write_tags(json, domain_tags(org, domain));
  json.end_object();
  return std::string(json.text());
}

// ---------------------------------------------------------------------------------------------
// describe-user-profile

// Most profiles take the domain's defaults; some override what their work needs.
void write_user_settings(JsonText& json, Random& random, const Organisation& org, const Domain& domain,
                         const Profile& profile) {
  json.begin_object("UserSettings");
  if (random.chance(0.5))
    json.field("ExecutionRole", role_arn(org, "sagemaker/" + domain.team + "-" + profile.person.slug()));
  if (random.chance(0.1)) json.strings("SecurityGroups", security_groups(random, 1));
  if (random.chance(0.2)) {
    json.begin_object("JupyterLabAppSettings");
    write_resource_spec(json, random, domain,
                        random.chance(0.3) ? "sagemaker-distribution-gpu" : "sagemaker-distribution-cpu");
    write_code_repositories(json, org, domain.team + "-" + profile.person.slug());
    json.end_object();
  }
  if (random.chance(0.2)) {
    json.begin_object("SpaceStorageSettings");
    json.begin_object("DefaultEbsStorageSettings");
    json.number("DefaultEbsVolumeSizeInGb", 100);
    json.number("MaximumEbsVolumeSizeInGb", 100 * random.between(5, 20));
    json.end_object();
    json.end_object();
  }
  if (profile.flaw == ProfileFlaw::classic_landing) json.field("DefaultLandingUri", "app:JupyterServer:");
  if (profile.flaw == ProfileFlaw::studio_disabled) json.field("StudioWebPortal", "DISABLED");
  if (random.chance(0.15)) {
    json.begin_object("StudioWebPortalSettings");
    json.strings("HiddenMlTools", some_of(random, kHideableMlTools, 1));
    json.end_object();
  }
  if (profile.flaw == ProfileFlaw::efs_auto_mount) {
    json.field("AutoMountHomeEFS", "Enabled");
  } else if (random.chance(0.3)) {
    json.field("AutoMountHomeEFS", "DefaultAsDomain");
  }
  json.end_object();
}

std::string profile_arn(const Domain& domain, const Profile& profile) {
  return domain.arn_prefix + ":user-profile/" + domain.id + "/" + profile.name;
}

std::string profile_document(const Organisation& org, const Domain& domain, const Profile& profile) {
  Random random(org.seed, kProfileStream, domain.index, profile.index);
  JsonText json(org.indent);
  json.begin_object();
  json.field("DomainId", domain.id);
  json.field("UserProfileArn", profile_arn(domain, profile));
  json.field("UserProfileName", profile.name);
  json.field("HomeEfsFileSystemUid", std::to_string(200001 + profile.index));
  json.field("Status", "InService");
  write_times(json, random, domain.created + random.between(86400, 300 * 86400));
  if (domain.sso) {
    json.field("SingleSignOnUserIdentifier", "UserName");
    json.field("SingleSignOnUserValue", profile.sso_user);
  }
  write_user_settings(json, random, org, domain, profile);
  write_tags(json, {{"Owner", profile.person.sso_user(org)}, {"Team", domain.team}});
  json.end_object();
  return std::string(json.text());
}

// ---------------------------------------------------------------------------------------------
// describe-space

struct SpacePlan {
  std::string name;
  std::string display_name;
  bool jupyterlab;  // else Code Editor
  bool shared;
  SpaceFlaw flaw;
};

SpacePlan plan_space(Random& random, const Profile& profile, size_t index) {
  SpacePlan plan;
  plan.jupyterlab = index % 2 == 0;
  plan.shared = random.chance(0.12);
  const std::string app = plan.jupyterlab ? "JupyterLab" : "Code Editor";
  plan.name = profile.person.slug() + (plan.jupyterlab ? "-lab" : "-code");
  if (index >= 2) plan.name += "-" + std::to_string(index / 2 + 1);
  if (plan.shared) plan.name += "-shared";
  plan.display_name = profile.person.display() + " – " + app + (plan.shared ? " (shared)" : "");
  plan.flaw = SpaceFlaw::none;
  if (random.chance(kFlawRate)) {
    constexpr SpaceFlaw kFlaws[] = {SpaceFlaw::invalid_name, SpaceFlaw::invalid_name, SpaceFlaw::long_display_name,
                                    SpaceFlaw::blank_display_name};
    plan.flaw = random.pick(kFlaws);
  }
  switch (plan.flaw) {
    case SpaceFlaw::invalid_name:
      for (char& c : plan.name) c = c == '-' ? '_' : c;
      break;
    case SpaceFlaw::long_display_name:
      plan.display_name += " for the quarterly model refresh and the exploratory analysis backlog";
      break;
    case SpaceFlaw::blank_display_name:
      plan.display_name = " ";
      break;
    case SpaceFlaw::none:
      break;
  }
  return plan;
}

void write_space_settings(JsonText& json, Random& random, const Organisation& org, const Domain& domain,
                          const Profile& profile, const SpacePlan& plan) {
  json.begin_object("SpaceSettings");
  json.begin_object(plan.jupyterlab ? "JupyterLabAppSettings" : "CodeEditorAppSettings");
  write_resource_spec(json, random, domain,
                      random.chance(0.2) ? "sagemaker-distribution-gpu" : "sagemaker-distribution-cpu");
  if (plan.jupyterlab && random.chance(0.25)) {
    write_code_repositories(json, org, domain.team + "-" + profile.person.slug());
  }
  if (random.chance(0.4)) write_idle_settings(json, random, false);
  json.end_object();
  json.field("AppType", plan.jupyterlab ? "JupyterLab" : "CodeEditor");
  json.begin_object("SpaceStorageSettings");
  json.begin_object("EbsStorageSettings");
  json.number("EbsVolumeSizeInGb", 5 * random.between(4, 40));
  json.end_object();
  json.end_object();
  // Recent additions to the API: spaces created before them do not carry them.
  const bool recent = random.chance(0.5);
  if (recent) json.field("SpaceManagedResources", "ENABLED");
  if (random.chance(0.15)) {
    json.begin_array("CustomFileSystems");
    json.begin_object();
    json.begin_object("EFSFileSystem");
    json.field("FileSystemId", "fs-" + random.hex(17));
    json.end_object();
    json.end_object();
    json.end_array();
  }
  if (recent) json.field("RemoteAccess", random.chance(0.2) ? "ENABLED" : "DISABLED");
  json.end_object();
}

// `random` is the stream `plan` was drawn from.
std::string space_document(const Organisation& org, const Domain& domain, const Profile& profile, const SpacePlan& plan,
                           Random& random) {
  const std::string space_arn = domain.arn_prefix + ":space/" + domain.id + "/" + plan.name;
  JsonText json(org.indent);
  json.begin_object();
  json.field("DomainId", domain.id);
  json.field("SpaceArn", space_arn);
  json.field("SpaceName", plan.name);
  json.field("HomeEfsFileSystemUid", std::to_string(200001 + profile.index));
  json.field("Status", random.chance(0.97) ? "InService" : "Updating");
  write_times(json, random, domain.created + random.between(2 * 86400, 400 * 86400));
  write_space_settings(json, random, org, domain, profile, plan);
  json.begin_object("OwnershipSettings");
  json.field("OwnerUserProfileName", profile.name);
  json.end_object();
  json.begin_object("SpaceSharingSettings");
  json.field("SharingType", plan.shared ? "Shared" : "Private");
  json.end_object();
  json.field("SpaceDisplayName", plan.display_name);
  json.field("Url", "https://" + domain.id + ".studio." + domain.region + ".sagemaker.aws/" +
                        (plan.jupyterlab ? "jupyterlab/" : "codeeditor/") + plan.name);
  // Studio tags what it creates with the ARNs it belongs to.
  write_tags(
      json, {{"sagemaker:domain-arn", domain.arn_prefix + ":domain/" + domain.id}, {"sagemaker:space-arn", space_arn}});
  json.end_object();
  return std::string(json.text());
}

// ---------------------------------------------------------------------------------------------
// Output

class OutputFile {
 public:
  explicit OutputFile(const fs::path& path) : path_(path), file_(std::fopen(path.c_str(), "wb")) {
    if (file_ == nullptr) throw std::runtime_error("cannot create " + path.string());
  }
  ~OutputFile() {
    if (file_ != nullptr) std::fclose(file_);
  }
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  void write(std::string_view text) {
    if (std::fwrite(text.data(), 1, text.size(), file_) != text.size())
      throw std::runtime_error("cannot write " + path_.string());
  }
  void close() {
    const bool failed = std::fclose(file_) != 0;
    file_ = nullptr;
    if (failed) throw std::runtime_error("cannot write " + path_.string());
  }

 private:
  fs::path path_;
  std::FILE* file_;
};

void write_document_file(const fs::path& path, std::string_view text) {
  fs::create_directories(path.parent_path());
  OutputFile file(path);
  file.write(text);
  file.write("\n");
  file.close();
}

// {"Domains": [...], "UserProfiles": [...], "Spaces": [...]} laid out as the documents are, so
// that it reads as if jq had gathered them.
class BundleWriter {
 public:
  BundleWriter(const fs::path& path, unsigned indent) : file_(path), indent_(indent) { file_.write("{"); }

  void begin_list(std::string_view key) {
    file_.write(lists_ == 0 ? "\n" : ",\n");
    file_.write(spaces(1));
    file_.write("\"" + std::string(key) + "\": [");
    ++lists_;
    items_ = 0;
  }
  // A document nested two levels deep: every line but the first moves right by two levels.
  void add(std::string_view document) {
    file_.write(items_ == 0 ? "\n" : ",\n");
    file_.write(spaces(2));
    const std::string newline = "\n" + spaces(2);
    size_t from = 0;
    for (size_t at = document.find('\n'); at != std::string_view::npos; at = document.find('\n', from)) {
      file_.write(document.substr(from, at - from));
      file_.write(newline);
      from = at + 1;
    }
    file_.write(document.substr(from));
    ++items_;
  }
  void end_list() {
    if (items_ > 0) file_.write("\n" + spaces(1));
    file_.write("]");
  }
  void finish() {
    file_.write(lists_ > 0 ? "\n}\n" : "}\n");
    file_.close();
  }

 private:
  std::string spaces(unsigned levels) const { return std::string(levels * indent_, ' '); }
  OutputFile file_;
  unsigned indent_;
  size_t lists_ = 0;
  size_t items_ = 0;
};

struct Counts {
  size_t domains = 0;
  size_t profiles = 0;
  size_t spaces = 0;
  size_t flawed = 0;
};

void generate(const Organisation& org, size_t domain_count, const fs::path& out) {
  const fs::path files = out / "files";
  fs::create_directories(files);  // even when it stays empty, both layouts exist
  std::vector<Domain> domains;
  for (size_t d = 0; d < domain_count; ++d) domains.push_back(make_domain(org, d));

  Counts counts;
  BundleWriter bundle(out / "bundle.json", org.indent);
  bundle.begin_list("Domains");
  for (const Domain& domain : domains) {
    const std::string text = domain_document(org, domain);
    bundle.add(text);
    write_document_file(files / "domains" / (domain.id + ".json"), text);
    ++counts.domains;
    counts.flawed += domain.flaw != DomainFlaw::none;
  }
  bundle.end_list();
  bundle.begin_list("UserProfiles");
  for (const Domain& domain : domains) {
    for (size_t p = 0; p < org.profiles_per_domain; ++p) {
      const Profile profile = make_profile(org, domain, p);
      const std::string text = profile_document(org, domain, profile);
      bundle.add(text);
      write_document_file(files / "profiles" / domain.id / (profile.name + ".json"), text);
      ++counts.profiles;
      counts.flawed += profile.flaw != ProfileFlaw::none;
    }
  }
  bundle.end_list();
  bundle.begin_list("Spaces");
  for (const Domain& domain : domains) {
    for (size_t p = 0; p < org.profiles_per_domain; ++p) {
      const Profile profile = make_profile(org, domain, p);
      for (size_t s = 0; s < org.spaces_per_profile; ++s) {
        Random random(org.seed, kSpaceStream, domain.index, profile.index, s);
        const SpacePlan plan = plan_space(random, profile, s);
        const std::string text = space_document(org, domain, profile, plan, random);
        bundle.add(text);
        write_document_file(files / "spaces" / domain.id / (plan.name + ".json"), text);
        ++counts.spaces;
        counts.flawed += plan.flaw != SpaceFlaw::none;
      }
    }
  }
  bundle.end_list();
  bundle.finish();

  const size_t total = counts.domains + counts.profiles + counts.spaces;
  std::printf("%zu domains, %zu user profiles, %zu spaces (%zu documents, %zu of them with a planted flaw)\n",
              counts.domains, counts.profiles, counts.spaces, total, counts.flawed);
  std::printf("bundle: %s (%ju bytes)\n", (out / "bundle.json").c_str(), uintmax_t(fs::file_size(out / "bundle.json")));
  std::printf("files:  %s\n", files.c_str());
}

// ---------------------------------------------------------------------------------------------
// Command line

constexpr const char* kUsage =
    "usage: generate_org OUT [--domains N] [--profiles-per-domain N] [--spaces-per-profile N] [--seed N]\n"
    "                        [--indent N]\n"
    "Writes OUT/bundle.json and OUT/files/ (one file per document). OUT must not hold either yet.\n"
    "Defaults: 100 domains, 200 profiles per domain, 2 spaces per profile, seed 1, indent 2.\n";

struct Arguments {
  fs::path out;
  size_t domains = 100;
  size_t profiles_per_domain = 200;
  size_t spaces_per_profile = 2;
  uint64_t seed = 1;
  unsigned indent = 2;
};

uint64_t parse_number(std::string_view option, const char* text) {
  char* end = nullptr;
  errno = 0;
  const unsigned long long value = std::strtoull(text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || text[0] == '-') {
    throw std::invalid_argument(std::string(option) + " takes a non-negative number, not '" + text + "'");
  }
  return value;
}

Arguments parse_arguments(int argc, char** argv) {
  Arguments args;
  bool have_out = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const auto value = [&] {
      if (i + 1 >= argc) throw std::invalid_argument(std::string(arg) + " needs a value");
      return parse_number(arg, argv[++i]);
    };
    if (arg == "--domains")
      args.domains = value();
    else if (arg == "--profiles-per-domain")
      args.profiles_per_domain = value();
    else if (arg == "--spaces-per-profile")
      args.spaces_per_profile = value();
    else if (arg == "--seed")
      args.seed = value();
    else if (arg == "--indent")
      args.indent = static_cast<unsigned>(value());
    else if (arg.starts_with("-"))
      throw std::invalid_argument("unknown option " + std::string(arg));
    else if (have_out)
      throw std::invalid_argument("only one output directory, please");
    else {
      args.out = arg;
      have_out = true;
    }
  }
  if (!have_out) throw std::invalid_argument("no output directory");
  if (args.indent == 0 || args.indent > 8) throw std::invalid_argument("--indent takes 1 to 8");
  return args;
}

}  // namespace

int main(int argc, char** argv) {
  Arguments args;
  try {
    args = parse_arguments(argc, argv);
  } catch (const std::invalid_argument& error) {
    std::fprintf(stderr, "generate_org: %s\n%s", error.what(), kUsage);
    return 2;
  }
  try {
    // Never write over an earlier data set: stale files would silently join the new one.
    if (fs::exists(args.out / "bundle.json") || fs::exists(args.out / "files")) {
      throw std::runtime_error(args.out.string() + " already holds bundle.json or files/; remove them first");
    }
    fs::create_directories(args.out);
    const Organisation org =
        make_organisation(args.seed, args.profiles_per_domain, args.spaces_per_profile, args.indent);
    generate(org, args.domains, args.out);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "generate_org: %s\n", error.what());
    return 1;
  }
  return 0;
}
