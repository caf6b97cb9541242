#include "sagelint/inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <system_error>
#include <tuple>
#include <unordered_map>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sagelint/api_export.hpp"
#include "sagelint/cfn_template.hpp"
#include "sagelint/hcl_parser.hpp"
#include "sagelint/json_loader.hpp"
#include "sagelint/terraform_module.hpp"
#include "sagelint/terraform_plan.hpp"
#include "sagelint/text.hpp"
#include "sagelint/yaml_loader.hpp"

namespace sagelint {
namespace fs = std::filesystem;
namespace {

enum class Syntax : uint8_t { json, yaml, hcl };

// What a file found in a directory may hold: API exports, plans and templates in JSON,
// templates in YAML (.template is what older CloudFormation tooling writes), Terraform.
bool is_candidate(const fs::path& path) {
  const std::string extension = to_lower(path.extension().string());
  return extension == ".json" || extension == ".yaml" || extension == ".yml" || extension == ".template" ||
         extension == ".tf";
}

// JSON for .json files and for other files whose text starts with '{'; HCL for .tf files;
// YAML otherwise.
Syntax syntax_of(const std::string& path, std::string_view text) {
  const std::string extension = to_lower(fs::path(path).extension().string());
  if (extension == ".json") return Syntax::json;
  if (extension == ".tf") return Syntax::hcl;
  if (extension == ".yaml" || extension == ".yml") return Syntax::yaml;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{' ? Syntax::json : Syntax::yaml;
}

// Whether YAML text has a Resources key, as every template has: YAML files found in a
// directory without one (workflows, manifests, Helm charts) are not parsed at all, so a file
// of some other YAML dialect never fails the run.
bool mentions_resources_key(std::string_view text) {
  constexpr std::string_view kKey = "Resources";
  for (size_t at = text.find(kKey); at != std::string_view::npos; at = text.find(kKey, at + 1)) {
    size_t after = at + kKey.size();
    if (after < text.size() && (text[after] == '"' || text[after] == '\'')) ++after;
    while (after < text.size() && text[after] == ' ') ++after;
    if (after < text.size() && text[after] == ':') return true;
  }
  return false;
}

// A file to read: its path as named or found, and its absolute path without symbolic links
// (for SARIF URIs), worked out once per named directory rather than once per file.
struct InputFile {
  std::string path;
  std::string absolute;
  bool named = false;  // named on the command line, rather than found in a directory
};

std::string resolved_path(const fs::path& path) {
  std::error_code error;
  return fs::weakly_canonical(fs::absolute(path, error), error).generic_string();
}

// What a file that is not a regular file is, for messages.
std::string_view kind_of(fs::file_type type) {
  switch (type) {
    case fs::file_type::fifo: return "a FIFO";
    case fs::file_type::socket: return "a socket";
    case fs::file_type::block: return "a block device";
    case fs::file_type::character: return "a character device";
    default: return "not a regular file";
  }
}

// The files to read, in a stable order, and the paths that cannot be read. Only regular
// files are read: a FIFO would block the run until something writes to it, and devices and
// sockets hold no configuration. Links to directories are not followed, so a link loop
// cannot make the walk endless. A walk stops once `room` files are found (the caller reports
// the limit).
void collect(const std::string& path, std::vector<InputFile>& files, size_t room, Model& model) {
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (status.type() == fs::file_type::not_found) {
    model.load_failures.push_back(Diagnostic{Level::error, {}, path + ": no such file or directory"});
    return;
  }
  if (error) {  // a link loop, a directory on the way that cannot be searched
    model.load_failures.push_back(Diagnostic{Level::error, {}, path + ": " + error.message()});
    return;
  }
  if (!fs::is_directory(status) && !fs::is_regular_file(status)) {
    model.load_failures.push_back(
        Diagnostic{Level::error, {}, path + ": " + std::string(kind_of(status.type())) + ", not a file; not read"});
    return;
  }
  if (!fs::is_directory(status)) {
    files.push_back(InputFile{path, resolved_path(path), true});
    return;
  }
  const fs::path root(path);
  const fs::path absolute_root(resolved_path(root));
  std::vector<InputFile> found;
  const auto note = [&](const fs::path& entry, const std::string& why) {
    model.notes.push_back(Diagnostic{Level::note, {}, entry.generic_string() + ": skipped: " + why});
  };
  for (auto it = fs::recursive_directory_iterator(root, error); !error && it != fs::end(it); it.increment(error)) {
    const fs::path& entry = it->path();
    // An entry that cannot be examined (a link loop, a link to nowhere) is noted, and the walk
    // goes on: one bad entry must not hide the files after it.
    std::error_code entry_error;
    const fs::file_status entry_status = it->status(entry_error);
    if (entry_error && is_candidate(entry)) {
      note(entry, entry_error.message());
      continue;
    }
    if (fs::is_directory(entry_status)) {
      // Hidden directories (.git, .terraform, …) and installed packages hold no configuration
      // worth linting, and can hold thousands of JSON files.
      const std::string name = entry.filename().string();
      if (name.starts_with(".") || name == "node_modules") {
        it.disable_recursion_pending();
      } else if (::access(entry.c_str(), R_OK | X_OK) != 0) {
        note(entry, "cannot read the directory: " + std::error_code(errno, std::generic_category()).message());
        it.disable_recursion_pending();
      }
      continue;
    }
    if (!is_candidate(entry)) continue;
    if (!fs::is_regular_file(entry_status)) {
      note(entry, std::string(kind_of(entry_status.type())) + ", not a file");
      continue;
    }
    if (files.size() + found.size() >= room) break;
    // A link is resolved (GitHub shows no file behind one); anything else lies below the root.
    std::string absolute = it->is_symlink(entry_error) ? resolved_path(entry)
                                                        : (absolute_root / entry.lexically_relative(root)).generic_string();
    found.push_back(InputFile{entry.generic_string(), std::move(absolute), false});
  }
  if (error) {
    model.load_failures.push_back(Diagnostic{Level::error, {}, path + ": " + error.message()});
  }
  std::sort(found.begin(), found.end(), [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  std::move(found.begin(), found.end(), std::back_inserter(files));
}

// Large files are mapped rather than read: an 85 MB export is then neither copied nor zeroed.
// (A file truncated by another process while it is mapped would end the run with SIGBUS; a
// linter reading files as they are being rewritten has no sound result to give anyway.)
constexpr off_t kMapFrom = 1 << 20;
// Offsets are 32-bit, whatever --max-file-size says.
constexpr uint64_t kTooLarge = UINT32_MAX - SourceFile::kPadding;

std::string error_text(int number) { return std::error_code(number, std::generic_category()).message(); }

// The text of the open regular file `fd`, or why it is not read (a whole message).
std::optional<SourceText> read_open_file(int fd, const Limits& limits, std::string& error) {
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    error = "cannot read the file: " + error_text(errno);
    return std::nullopt;
  }
  // Checked again on the open file: it may have been replaced since the walk saw it.
  if (!S_ISREG(info.st_mode)) {
    error = "not a regular file (a FIFO, socket or device); not read";
    return std::nullopt;
  }
  const auto size = static_cast<uint64_t>(info.st_size);
  if (size > limits.max_file_size || size >= kTooLarge) {
    const uint64_t limit = std::min(limits.max_file_size, kTooLarge - 1);
    error = "the file is larger than " + byte_size_text(limit) + " (" + std::to_string(size) +
            " bytes); not read (--max-file-size)";
    return std::nullopt;
  }
  if (info.st_size >= kMapFrom) {
    if (std::optional<SourceText> mapped = SourceText::map(fd, static_cast<size_t>(size))) return mapped;
  }
  // One allocation, with room for the padding SourceText adds.
  std::string text;
  text.reserve(size + SourceFile::kPadding);
  text.resize(size);
  size_t done = 0;
  while (done < size) {
    const ssize_t count = ::read(fd, text.data() + done, size - done);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) {
      error = "cannot read the file: " + error_text(errno);
      return std::nullopt;
    }
    if (count == 0) break;  // the file shrank
    done += static_cast<size_t>(count);
  }
  text.resize(done);
  return SourceText(std::move(text));
}

std::optional<SourceText> read_file(const std::string& path, const Limits& limits, std::string& error) {
  // Non-blocking, so that a FIFO put where a file was between the walk and here cannot hang
  // the run on open; read_open_file then refuses it without reading.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    error = "cannot read the file: " + error_text(errno);
    return std::nullopt;
  }
  std::optional<SourceText> text = read_open_file(fd, limits, error);
  ::close(fd);
  return text;
}

std::string display_path(const std::string& path, const fs::path& working_directory) {
  const fs::path given = fs::path(path).lexically_normal();
  if (given.is_relative() || working_directory.empty()) return given.generic_string();
  const fs::path relative = given.lexically_relative(working_directory);
  if (relative.empty() || *relative.begin() == "..") return given.generic_string();
  return relative.generic_string();
}

// Files found while walking directories that hold no domain, profile or space: reported
// once, together.
struct Skipped {
  size_t count = 0;
  std::vector<std::string> first;
};

void skip(const InputFile& input, const SourceFile& source, const Tree* tree, std::string_view why, Model& model,
          Skipped& skipped) {
  if (input.named) {
    const Location at = tree ? Location::of(*tree, tree->root()) : Location::at_offset(source, 0, 0);
    model.notes.push_back(Diagnostic{Level::note, at, "skipped: " + std::string(why)});
  } else if (++skipped.count <= 3) {
    skipped.first.push_back(source.path());
  }
}

// The .tf files read so far, by module (directory): a module's files are evaluated together,
// once all are read.
struct TerraformModules {
  std::map<std::string, std::vector<TerraformFile>> files;
  std::map<std::string, std::vector<const InputFile*>> inputs;
};

void read_terraform_modules(TerraformModules& modules, Model& model, Skipped& skipped) {
  for (auto& [directory, files] : modules.files) {
    const std::vector<bool> has_resources = read_terraform_module(files, model);
    for (size_t i = 0; i < files.size(); ++i) {
      // Variables, outputs and providers are part of the module, not skipped files; only a
      // file named on its own that defines nothing is noted.
      if (has_resources[i] || !modules.inputs[directory][i]->named) continue;
      skip(*modules.inputs[directory][i], *files[i].source, nullptr,
           "a Terraform file without aws_sagemaker_domain, aws_sagemaker_user_profile or aws_sagemaker_space resources",
           model, skipped);
    }
  }
}

void load_file(const InputFile& input, const fs::path& working_directory, const Limits& limits, Model& model,
               Skipped& skipped, TerraformModules& modules) {
  std::string error;
  std::optional<SourceText> text = read_file(input.path, limits, error);
  auto file = std::make_unique<SourceFile>(display_path(input.path, working_directory), input.absolute,
                                           text ? std::move(*text) : SourceText());
  const SourceFile& source = *file;
  model.files.push_back(std::move(file));
  if (!text) {
    model.load_failures.push_back(Diagnostic{Level::error, Location::at_offset(source, 0, 0), std::move(error)});
    return;
  }
  const Syntax syntax = syntax_of(input.path, source.text());
  if (syntax == Syntax::yaml && !input.named && !mentions_resources_key(source.text())) {
    return skip(input, source, nullptr, "YAML without a Resources key, so not a CloudFormation template", model,
                skipped);
  }
  if (syntax == Syntax::hcl) {
    HclLoadResult parsed = load_hcl(source, limits);
    if (!parsed.file) {
      model.load_failures.push_back(std::move(*parsed.failure));
      return;
    }
    const std::string directory = fs::path(source.path()).parent_path().generic_string();
    modules.files[directory].push_back(TerraformFile{&source, std::move(parsed.file)});
    modules.inputs[directory].push_back(&input);
    return;
  }
  LoadResult loaded = syntax == Syntax::json ? load_json(source, limits) : load_yaml(source, limits);
  if (!loaded.tree) {
    model.load_failures.push_back(std::move(*loaded.failure));
    return;
  }
  const Tree& tree = *loaded.tree;
  model.trees.push_back(std::move(loaded.tree));
  for (const DuplicateKey& duplicate : loaded.duplicate_keys) {
    const Position first = source.position(tree.node(duplicate.first).key_begin);
    model.input_problems.push_back(Diagnostic{
        Level::error, Location::key_of(tree, duplicate.duplicate),
        "duplicate key " + quoted(tree.key(duplicate.duplicate)) + " (first at line " +
            std::to_string(first.line) + ", column " + std::to_string(first.column) +
            "); AWS would silently use only one of them"});
  }
  if (syntax == Syntax::json && read_api_export(tree, model)) return;
  if (syntax == Syntax::json) {
    switch (read_terraform_plan(tree, model)) {
      case DocumentRead::read:
        return;
      case DocumentRead::no_sagemaker_resources:
        return skip(input, source, &tree,
                    "a Terraform plan without aws_sagemaker_domain, aws_sagemaker_user_profile or aws_sagemaker_space "
                    "resources",
                    model, skipped);
      case DocumentRead::not_recognised:
        break;
    }
  }
  switch (read_cfn_template(tree, model)) {
    case DocumentRead::read:
      return;
    case DocumentRead::no_sagemaker_resources:
      return skip(input, source, &tree,
                  "a CloudFormation template without AWS::SageMaker::Domain, UserProfile or Space resources", model,
                  skipped);
    case DocumentRead::not_recognised:
      return skip(input, source, &tree,
                  syntax == Syntax::json
                      ? "neither an AWS CLI export of SageMaker AI domains, user profiles or spaces, nor a Terraform plan, "
                        "nor a CloudFormation template"
                      : "not a CloudFormation template",
                  model, skipped);
  }
}

void note_skipped(const Skipped& skipped, Model& model) {
  if (skipped.count == 0) return;
  std::string message = "skipped " + count_of(skipped.count, "file", "files") +
                        " without SageMaker AI domains, user profiles or spaces (neither AWS CLI exports of them, nor "
                        "templates, Terraform files or plans that define them): ";
  for (size_t i = 0; i < skipped.first.size(); ++i) message += (i ? ", " : "") + skipped.first[i];
  if (skipped.count > skipped.first.size()) message += ", …";
  model.notes.push_back(Diagnostic{Level::note, {}, std::move(message)});
}

// The key under which two documents describe the same resource: its domain and exact name.
// (Names that differ only in case are different resources to the export, and a finding of
// SMD033 to the linter.) A domain is known by its id alone.
struct Identity {
  std::string_view domain;
  std::string_view name;
  bool operator==(const Identity&) const = default;
};

struct IdentityHash {
  size_t operator()(const Identity& id) const {
    const std::hash<std::string_view> hash;
    return hash(id.domain) * 31 + hash(id.name);
  }
};

// Resources of templates, modules and plans are never merged: two logical ids or addresses
// are two resources even when their names collide (which the deployment would reject).
template <class R>
std::optional<Identity> identity(const R& resource) {
  const auto name = resource.name.string();
  if (resource.domain_link.empty() || !name || !resource.logical_id.empty()) return std::nullopt;
  return Identity{resource.domain_link, *name};
}
std::optional<Identity> identity(const Domain& domain) {
  if (domain.link_key.empty() || !domain.logical_id.empty()) return std::nullopt;
  return Identity{domain.link_key, {}};
}

// An organisation export often holds a list-* output beside the describe-* outputs of the
// same resources, or the same resource twice. Keep one of each: a full description over a
// summary, else the first read.
template <class R>
void merge_duplicates(std::vector<R>& resources, Model& model) {
  std::unordered_map<Identity, size_t, IdentityHash> first_by_identity;
  first_by_identity.reserve(resources.size());
  std::vector<bool> dropped(resources.size(), false);
  bool any_dropped = false;
  for (size_t i = 0; i < resources.size(); ++i) {
    const std::optional<Identity> key = identity(resources[i]);
    if (!key) continue;
    const auto [it, inserted] = first_by_identity.emplace(*key, i);
    if (inserted) continue;
    R& first = resources[it->second];
    R& again = resources[i];
    any_dropped = true;
    if (first.summary && !again.summary) {
      // The description replaces the summary where the summary stood.
      std::swap(first, again);
    } else if (!first.summary && !again.summary) {
      const Location at = first.name.location();
      const Position where = at.file->position(at.begin);
      model.notes.push_back(Diagnostic{
          Level::note, again.name.location(),
          again.description() + " is described again here; " +
              "the description in " + at.file->path() + ":" + std::to_string(where.line) + " is used"});
    }
    dropped[i] = true;
  }
  if (!any_dropped) return;
  size_t kept = 0;
  for (size_t i = 0; i < resources.size(); ++i) {
    if (dropped[i]) continue;
    if (kept != i) resources[kept] = std::move(resources[i]);  // never onto itself: that empties it
    ++kept;
  }
  resources.erase(resources.begin() + static_cast<std::ptrdiff_t>(kept), resources.end());
}

// A list-* summary that no describe-* output replaced leaves most rules blind to that
// resource; say so once per file.
void note_summaries(Model& model) {
  std::vector<const Tree*> trees;
  const auto collect = [&](const Resource& r) {
    if (r.summary && std::find(trees.begin(), trees.end(), r.root.tree()) == trees.end()) trees.push_back(r.root.tree());
  };
  for (const Domain& d : model.domains) collect(d);
  for (const UserProfile& p : model.profiles) collect(p);
  for (const Space& s : model.spaces) collect(s);
  for (const Tree* tree : trees) {
    model.notes.push_back(Diagnostic{
        Level::note, Location::of(*tree, tree->root()),
        "list-* output holds only names and identifiers; export describe-domain, describe-user-profile and "
        "describe-space for the settings most rules check"});
  }
}

// Profiles and spaces whose domain was not among the inputs cannot be checked against its
// defaults; say so once per missing domain.
void note_missing_domains(Model& model) {
  struct Orphans {
    size_t profiles = 0;
    size_t spaces = 0;
    Location first;
  };
  std::map<std::string, Orphans> by_domain;
  const auto count = [&](const Resource& r, const std::string& link, const Value& domain_id, size_t Orphans::*field) {
    if (r.domain != nullptr || link.empty()) return;
    Orphans& orphans = by_domain[link];
    if (orphans.profiles + orphans.spaces == 0) orphans.first = domain_id.location();
    ++(orphans.*field);
  };
  for (const UserProfile& p : model.profiles) count(p, p.domain_link, p.domain_id, &Orphans::profiles);
  for (const Space& s : model.spaces) count(s, s.domain_link, s.domain_id, &Orphans::spaces);
  for (const auto& [domain, orphans] : by_domain) {
    std::string what;
    if (orphans.profiles) what = count_of(orphans.profiles, "user profile", "user profiles");
    if (orphans.spaces) what += (what.empty() ? "" : " and ") + count_of(orphans.spaces, "space", "spaces");
    model.notes.push_back(Diagnostic{
        Level::note, orphans.first,
        what + " of domain " + domain + " " + (orphans.profiles + orphans.spaces == 1 ? "is" : "are") +
            " checked without the domain, which is not among the inputs; checks that need its settings are skipped"});
  }
}

// Files are read in the order their paths were named; in the order of places, as findings
// are, no report depends on it.
void sort_by_place(std::vector<Diagnostic>& diagnostics) {
  const auto place = [](const Diagnostic& d) {
    const std::string_view path = d.location.file ? std::string_view(d.location.file->path()) : std::string_view();
    return std::make_tuple(path, d.location.begin, d.location.end, std::string_view(d.message));
  };
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return place(a) < place(b); });
}

}  // namespace

std::string display_path(const std::string& path) {
  std::error_code error;
  return display_path(path, fs::current_path(error));
}

Model load_inputs(std::span<const std::string> paths, const Limits& limits) {
  Model model;
  std::vector<InputFile> files;
  // One more than the limit, to know that it was exceeded.
  const size_t room = limits.max_files == SIZE_MAX ? SIZE_MAX : limits.max_files + 1;
  for (const std::string& path : paths) {
    if (files.size() < room) collect(path, files, room, model);
  }
  if (files.size() > limits.max_files) {
    files.resize(limits.max_files);
    model.limits_reached.push_back(Diagnostic{Level::error, {}, files_limit_message(limits.max_files)});
  }
  std::error_code error;
  const fs::path working_directory = fs::current_path(error);
  Skipped skipped;
  TerraformModules modules;
  for (const InputFile& file : files) load_file(file, working_directory, limits, model, skipped, modules);
  read_terraform_modules(modules, model, skipped);
  note_skipped(skipped, model);
  merge_duplicates(model.domains, model);
  merge_duplicates(model.profiles, model);
  merge_duplicates(model.spaces, model);
  note_summaries(model);
  model.link();
  note_missing_domains(model);
  sort_by_place(model.load_failures);
  sort_by_place(model.notes);
  return model;
}

}  // namespace sagelint
