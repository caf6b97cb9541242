#include "sagelint/inputs.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <system_error>
#include <unordered_map>

#include "sagelint/api_export.hpp"
#include "sagelint/json_loader.hpp"
#include "sagelint/text.hpp"

namespace sagelint {
namespace fs = std::filesystem;
namespace {

bool has_json_extension(const fs::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension == ".json";
}

// The files to read, in a stable order, and the paths that do not exist.
void collect(const std::string& path, std::vector<std::string>& files, Model& model) {
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error || !fs::exists(status)) {
    model.load_failures.push_back(Diagnostic{Level::error, {}, path + ": no such file or directory"});
    return;
  }
  if (!fs::is_directory(status)) {
    files.push_back(path);
    return;
  }
  std::vector<std::string> found;
  const auto options = fs::directory_options::skip_permission_denied;
  for (auto it = fs::recursive_directory_iterator(path, options, error); !error && it != fs::end(it);
       it.increment(error)) {
    const fs::path& entry = it->path();
    if (it->is_directory(error)) {
      // Hidden directories (.git, .terraform, …) hold no configuration worth linting.
      if (entry.filename().string().starts_with(".")) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(error) && has_json_extension(entry)) found.push_back(entry.generic_string());
  }
  if (error) {
    model.load_failures.push_back(Diagnostic{Level::error, {}, path + ": " + error.message()});
  }
  std::sort(found.begin(), found.end());
  files.insert(files.end(), found.begin(), found.end());
}

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    error = std::error_code(errno, std::generic_category()).message();
    return std::nullopt;
  }
  // One allocation, with room for the padding SourceFile adds, when the size is known.
  std::string text;
  std::error_code unknown;
  const uintmax_t expected = fs::file_size(path, unknown);
  if (!unknown && expected < UINT32_MAX - SourceFile::kPadding) {
    text.reserve(static_cast<size_t>(expected) + SourceFile::kPadding);
    text.resize(static_cast<size_t>(expected));
    text.resize(std::fread(text.data(), 1, text.size(), file));
  }
  // Whatever is left: all of a pipe, or what a file gained since its size was taken.
  char buffer[1 << 16];
  while (const size_t count = std::fread(buffer, 1, sizeof buffer, file)) {
    text.append(buffer, count);
    if (text.size() >= UINT32_MAX - SourceFile::kPadding) {
      std::fclose(file);
      error = "file too large (4 GiB or more)";
      return std::nullopt;
    }
  }
  const bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (failed) {
    error = "read error";
    return std::nullopt;
  }
  return text;
}

std::string absolute_path(const std::string& path) {
  std::error_code error;
  const fs::path absolute = fs::weakly_canonical(fs::absolute(path, error), error);
  return absolute.generic_string();
}

void load_file(const std::string& path, Model& model) {
  std::string error;
  std::optional<std::string> text = read_file(path, error);
  auto file = std::make_unique<SourceFile>(display_path(path), absolute_path(path), text ? std::move(*text) : "");
  const SourceFile& source = *file;
  model.files.push_back(std::move(file));
  if (!text) {
    model.load_failures.push_back(Diagnostic{Level::error, Location::at_offset(source, 0, 0), "cannot read the file: " + error});
    return;
  }
  JsonLoadResult loaded = load_json(source);
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
  if (!read_api_export(tree, model)) {
    model.notes.push_back(Diagnostic{Level::note, Location::of(tree, tree.root()),
                                     "skipped: not an AWS CLI export of SageMaker AI domains, user profiles or spaces"});
  }
}

// The key under which two documents describe the same resource: its domain and exact name.
// (Names that differ only in case are different resources to the export, and a finding of
// SMD033 to the linter.)
template <class R>
std::string identity(const R& resource) {
  const auto name = resource.name.string();
  if (resource.domain_link.empty() || !name) return {};
  return resource.domain_link + '\n' + std::string(*name);
}
std::string identity(const Domain& domain) { return domain.link_key; }

// An organisation export often holds a list-* output beside the describe-* outputs of the
// same resources, or the same resource twice. Keep one of each: a full description over a
// summary, else the first read.
template <class R>
void merge_duplicates(std::vector<R>& resources, Model& model) {
  std::unordered_map<std::string, size_t> kept_by_identity;
  std::vector<R> kept;
  kept.reserve(resources.size());
  for (R& resource : resources) {
    std::string key = identity(resource);
    if (key.empty()) {
      kept.push_back(std::move(resource));
      continue;
    }
    const auto [it, inserted] = kept_by_identity.emplace(std::move(key), kept.size());
    if (inserted) {
      kept.push_back(std::move(resource));
      continue;
    }
    R& first = kept[it->second];
    if (first.summary && !resource.summary) {
      first = std::move(resource);
    } else if (!first.summary && !resource.summary) {
      const Location at = first.name.location();
      const Position where = at.file->position(at.begin);
      model.notes.push_back(Diagnostic{
          Level::note, resource.name.location(),
          std::string(to_string(resource.kind)) + " " + quoted(resource.display_name()) + " is described again here; " +
              "the description in " + at.file->path() + ":" + std::to_string(where.line) + " is used"});
    }
  }
  resources = std::move(kept);
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

}  // namespace

std::string display_path(const std::string& path) {
  std::error_code error;
  const fs::path given = fs::path(path).lexically_normal();
  if (given.is_relative()) return given.generic_string();
  const fs::path cwd = fs::current_path(error);
  if (error) return given.generic_string();
  const fs::path relative = given.lexically_relative(cwd);
  if (relative.empty() || *relative.begin() == "..") return given.generic_string();
  return relative.generic_string();
}

Model load_inputs(std::span<const std::string> paths) {
  Model model;
  std::vector<std::string> files;
  for (const std::string& path : paths) collect(path, files, model);
  for (const std::string& file : files) load_file(file, model);
  merge_duplicates(model.domains, model);
  merge_duplicates(model.profiles, model);
  merge_duplicates(model.spaces, model);
  note_summaries(model);
  model.link();
  note_missing_domains(model);
  return model;
}

}  // namespace sagelint
