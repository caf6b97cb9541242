// The one model every input format feeds: SageMaker AI domains, user profiles and spaces,
// linked by domain, each a view into the source tree it was read from.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sagelint/location.hpp"
#include "sagelint/source_file.hpp"
#include "sagelint/tree.hpp"
#include "sagelint/value.hpp"

namespace sagelint {

enum class ResourceKind : uint8_t { domain, user_profile, space };
std::string_view to_string(ResourceKind kind);  // "domain", "user profile", "space"

// Keys and values point into the source tree, which the model owns.
struct Tag {
  std::string_view key;
  std::string_view value;
  Value node;  // the tag's entry, for locations
};

// A justification written beside a resource rather than in its tags (a template's Metadata):
// what a `sagelint:justify:<ID>` tag's value would hold, and where it is written.
struct WrittenJustification {
  std::string rule_id;
  std::string text;    // "reason … owner=NAME expires=YYYY-MM-DD"
  std::string owner;   // given apart from the text (a list entry's `owner`); wins over owner= in it
  std::string origin;  // how messages name it: "Metadata sagelint.justify.SMD007"
  Location at;          // the entry
  Location rule_at;     // where it names the rule
  Location reason_at;   // its reason (the whole text, when that holds the expiry too)
  Location expires_at;  // its expiry, or `reason_at`
};

struct Domain;

struct Resource {
  ResourceKind kind = ResourceKind::domain;
  // The resource's document: a describe-* output, a template's Properties, …
  Value root;
  Value name;                 // DomainName, UserProfileName or SpaceName
  std::string_view logical_id;  // the resource's name in a template or module, when it comes from one
  std::string_view logical_id_kind = "logical ID";  // what that name is called: "logical ID", "address"
  // A list-* summary: only identity fields are known, settings are unknown.
  bool summary = false;
  // Tags travel beside describe-* outputs (list-tags), so they may simply not be there.
  bool tags_known = false;
  std::vector<Tag> tags;
  std::vector<WrittenJustification> justifications;
  // The resource's own domain (itself for a domain); null when it is not among the inputs.
  const Domain* domain = nullptr;

  // The name when it is a known string, else the template's logical id, else a placeholder.
  std::string_view display_name() const;
  // "domain 'ml-platform'"; "domain 'StudioDomain' (logical ID)" when only that is known.
  std::string description() const;
  const Tag* find_tag(std::string_view key) const;
};

struct UserProfile;
struct Space;

struct Domain : Resource {
  Value id;                // DomainId
  std::string link_key;    // what profiles and spaces refer to (the DomainId for API exports)
  std::vector<const UserProfile*> profiles;
  std::vector<const Space*> spaces;

  // Members of `root` every rule reads, looked up once by the adapter.
  Value default_user_settings;  // DefaultUserSettings
  Value domain_settings;        // DomainSettings
};

struct UserProfile : Resource {
  Value domain_id;
  std::string domain_link;  // matches Domain::link_key
  Value sso_user_identifier;  // SingleSignOnUserIdentifier
  Value sso_user_value;       // SingleSignOnUserValue

  Value user_settings;        // UserSettings, looked up once by the adapter
};

struct Space : Resource {
  Value domain_id;
  std::string domain_link;
  Value display_name_value;  // SpaceDisplayName
  Value owner;               // OwnershipSettings.OwnerUserProfileName
  Value sharing_type;        // SpaceSharingSettings.SharingType

  Value space_settings;       // SpaceSettings, looked up once by the adapter
};

// What an adapter made of a document: not one of its format, one of its format that defines
// no domain, profile or space, or one whose resources were added to the model.
enum class DocumentRead : uint8_t { not_recognised, no_sagemaker_resources, read };

// Reads the members that API exports and CloudFormation templates name alike from the
// resource's `root`, which the adapter has set.
void read_domain_members(Domain& domain);
void read_profile_members(UserProfile& profile);
void read_space_members(Space& space);
// Reads `root`'s Tags, a list of {Key, Value} (templates and modules are converted to it);
// tags whose value is not known have an empty value.
void read_tag_list(Resource& resource);

// The note for a profile or space whose domain is not known before deployment: `field` is
// what the format calls the domain id ("DomainId", "domain_id"), `scope` where no domain it
// names was found ("template", "module", "plan").
Diagnostic unknown_domain_note(const Resource& resource, const Value& domain_id, std::string_view field,
                               std::string_view scope);

// Owns the files and trees the resources point into.
struct Model {
  std::vector<std::unique_ptr<SourceFile>> files;
  std::vector<std::unique_ptr<Tree>> trees;
  std::vector<Domain> domains;
  std::vector<UserProfile> profiles;
  std::vector<Space> spaces;
  // Problems with the inputs that still let the rest be read: duplicate keys, values of the
  // wrong type. Reported as findings of SMD000.
  std::vector<Diagnostic> input_problems;
  // Files that could not be read or parsed at all; reported as SMD000 and fail the run.
  std::vector<Diagnostic> load_failures;
  // Limits the run reached (--max-files, --max-findings): what they left out is in no report,
  // so the run is incomplete and fails. Not a failure of any one input, so counted apart.
  std::vector<Diagnostic> limits_reached;
  // Information for the user: skipped files, resources whose domain is missing, …
  // load_inputs leaves these and load_failures in the order of their places.
  std::vector<Diagnostic> notes;

  Model() = default;
  Model(Model&&) = default;
  Model& operator=(Model&&) = default;
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  // Links profiles and spaces to their domains. Call once, after every input was added;
  // resources must not be added afterwards (the links are pointers into the vectors).
  void link();
};

}  // namespace sagelint
