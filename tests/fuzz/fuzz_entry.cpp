#include "fuzz_entry.hpp"

#include <stdlib.h>  // mkdtemp

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <utility>

#include "sagelint/api_export.hpp"
#include "sagelint/baseline.hpp"
#include "sagelint/catalog.hpp"
#include "sagelint/cfn_template.hpp"
#include "sagelint/date.hpp"
#include "sagelint/engine.hpp"
#include "sagelint/hcl_parser.hpp"
#include "sagelint/json_loader.hpp"
#include "sagelint/lint.hpp"
#include "sagelint/sarif_report.hpp"
#include "sagelint/terraform_module.hpp"
#include "sagelint/terraform_plan.hpp"
#include "sagelint/yaml_loader.hpp"

namespace sagelint::fuzz {
namespace {

// Checks a diagnostic of a run: it says something, and points at a span
// of the file it names. `placeless` says whether it may name no file at all.
void check_in_its_file(const Diagnostic& diagnostic, std::string_view what, bool placeless,
                       std::vector<std::string>& violations) {
  const std::string prefix = std::string(what) + " \"" + diagnostic.message + "\": ";
  if (diagnostic.message.empty()) violations.push_back(std::string(what) + " without a message");
  const Location& at = diagnostic.location;
  if (at.file == nullptr) {
    if (!placeless) violations.push_back(prefix + "no file");
    return;
  }
  if (at.begin > at.end || at.end > at.file->text().size()) {
    violations.push_back(prefix + "span " + std::to_string(at.begin) + "-" + std::to_string(at.end) + " outside " +
                         at.file->path() + " of " + std::to_string(at.file->text().size()) + " bytes");
  }
}

// Checks one diagnostic about `file`, the only file of a run: as above, and it names `file`.
void check(const Diagnostic& diagnostic, const SourceFile& file, std::string_view what,
           std::vector<std::string>& violations) {
  check_in_its_file(diagnostic, what, false, violations);
  if (diagnostic.location.file != nullptr && diagnostic.location.file != &file) {
    violations.push_back(std::string(what) + " \"" + diagnostic.message + "\": another file");
  }
}

// A loader's result: a tree, or a failure with a message and a position, never neither.
template <class Result>
void check_load(const Result& result, bool loaded, const SourceFile& file, std::vector<std::string>& violations) {
  if (loaded) return;
  if (!result.failure) {
    violations.push_back("rejected without a diagnostic");
    return;
  }
  check(*result.failure, file, "rejection", violations);
}

SourceFile in_memory(std::string_view name, std::string_view bytes) {
  return SourceFile(std::string(name), "/fuzz/" + std::string(name), std::string(bytes));
}

// Mirrors how inputs.cpp records a JSON or YAML document in the model (duplicate keys become
// input problems), without a file on disk.
const Tree* add_document(LoadResult loaded, Model& model) {
  if (!loaded.tree) {
    model.load_failures.push_back(std::move(*loaded.failure));
    return nullptr;
  }
  const Tree& tree = *loaded.tree;
  model.trees.push_back(std::move(loaded.tree));
  for (const DuplicateKey& duplicate : loaded.duplicate_keys) {
    model.input_problems.push_back(Diagnostic{Level::error, Location::key_of(tree, duplicate.duplicate),
                                              "duplicate key " + std::string(tree.key(duplicate.duplicate))});
  }
  return &tree;
}

// The adapters in the order inputs.cpp tries them.
void read_document(const Tree& tree, bool json, Model& model) {
  if (json && read_api_export(tree, model)) return;
  if (json && read_terraform_plan(tree, model) != DocumentRead::not_recognised) return;
  read_cfn_template(tree, model);
}

// Links what an adapter read and holds its input problems to the same contract as a rejection.
void link_and_check(Model& model, const SourceFile& file, std::vector<std::string>& violations) {
  model.link();
  for (const Diagnostic& problem : model.input_problems) check(problem, file, "input problem", violations);
}

// A loader's result held to the contract, then, if it loaded, read by an adapter into a model
// that is linked and checked in turn: the YAML template and plan entries.
template <typename Reader>
std::vector<std::string> load_then_read(const SourceFile& file, const LoadResult& result, Reader read) {
  std::vector<std::string> violations;
  check_load(result, result.tree != nullptr, file, violations);
  if (!result.tree) return violations;
  Model model;
  read(*result.tree, model);
  link_and_check(model, file, violations);
  return violations;
}

RunOptions fuzz_run_options() {
  RunOptions options;
  options.catalog = all_rules();
  options.as_of = *Date::parse("2026-12-01");  // fixed, so a replay sees what the fuzzer saw
  return options;
}

// The SARIF report of a run. Describing all rules is most of a run's time and never depends
// on the input, so only the rules the findings name are described (sarif_report writes each of
// their results) and SMD000, which notifications point at.
std::string sarif_of(const LintResult& result, const std::string& source_root) {
  std::vector<const Rule*> described;
  for (const Rule* rule : all_rules()) {
    const bool named = std::any_of(result.findings.begin(), result.findings.end(),
                                   [&](const Finding& f) { return f.rule->id == rule->info.id; });
    if (named || rule->info.id == "SMD000") described.push_back(rule);
  }
  return sarif_report(result, described, SarifOptions{source_root, ""});
}

// A file's path as run_files takes it from its "=== " line: only safe characters, no parts
// that leave the directory, a few levels deep; empty if nothing is left.
std::string safe_relative_path(std::string_view line) {
  constexpr size_t kMaxParts = 4, kMaxPartLength = 40;
  std::string path;
  size_t parts = 0;
  while (!line.empty() && parts < kMaxParts) {
    const size_t slash = line.find('/');
    const std::string_view raw = line.substr(0, slash);
    line = slash == std::string_view::npos ? std::string_view() : line.substr(slash + 1);
    std::string part;
    for (char c : raw) {
      const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '_' || c == '-';
      if (safe && part.size() < kMaxPartLength) part += c;
    }
    if (part.empty() || part == "." || part == "..") continue;
    path += (path.empty() ? "" : "/") + part;
    ++parts;
  }
  return path;
}

}  // namespace

std::vector<FuzzFile> split_files(std::string_view bytes) {
  constexpr size_t kMaxFiles = 32;
  constexpr std::string_view kHeader = "=== ";
  std::vector<FuzzFile> files;
  FuzzFile current{"input.json", {}};
  size_t start = 0, line = 0;
  while (line <= bytes.size() && files.size() < kMaxFiles) {
    const size_t end = std::min(bytes.find('\n', line), bytes.size());
    if (bytes.substr(line, kHeader.size()) == kHeader) {
      current.bytes = bytes.substr(start, line - start);
      if (line > 0 || !current.bytes.empty()) files.push_back(current);
      current.path = safe_relative_path(bytes.substr(line + kHeader.size(), end - line - kHeader.size()));
      if (current.path.empty()) current.path = "input.json";
      start = std::min(end + 1, bytes.size());
    }
    line = end + 1;
  }
  if (files.size() < kMaxFiles) files.push_back(FuzzFile{current.path, bytes.substr(start)});
  return files;
}

namespace {

// A directory made for one input and removed with everything in it afterwards.
class ScratchDirectory {
 public:
  ScratchDirectory() {
    std::error_code error;
    std::string pattern = (std::filesystem::temp_directory_path(error) / "sagelint-fuzz-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~ScratchDirectory() {
    std::error_code error;
    if (!path_.empty()) std::filesystem::remove_all(path_, error);
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;

  const std::string& path() const { return path_; }  // empty if it could not be made

 private:
  std::string path_;
};

// Writes `bytes` to `path`, making its directories; false if the path cannot be a file (a
// directory of that name was written before, or a file stands where a directory must).
bool write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  if (error) return false;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

}  // namespace

std::vector<std::string> run_json(std::string_view bytes) {
  std::vector<std::string> violations;
  const SourceFile file = in_memory("fuzz.json", bytes);
  const LoadResult result = load_json(file);
  check_load(result, result.tree != nullptr, file, violations);
  return violations;
}

std::vector<std::string> run_yaml(std::string_view bytes) {
  const SourceFile file = in_memory("fuzz.yaml", bytes);
  return load_then_read(file, load_yaml(file), read_cfn_template);
}

std::vector<std::string> run_hcl(std::string_view bytes) {
  std::vector<std::string> violations;
  const SourceFile file = in_memory("fuzz.tf", bytes);
  HclLoadResult result = load_hcl(file);
  check_load(result, result.file != nullptr, file, violations);
  if (!result.file) return violations;
  Model model;
  const TerraformFile module[] = {TerraformFile{&file, std::move(result.file)}};
  read_terraform_module(module, model);
  link_and_check(model, file, violations);
  return violations;
}

std::vector<std::string> run_plan(std::string_view bytes) {
  const SourceFile file = in_memory("fuzz.json", bytes);
  return load_then_read(file, load_json(file), read_terraform_plan);
}

std::vector<std::string> run_pipeline(std::string_view bytes) {
  std::vector<std::string> violations;
  if (bytes.empty()) return violations;
  const int format = static_cast<unsigned char>(bytes.front()) % 3;
  bytes.remove_prefix(1);

  // lint() reads files by path; this builds the same model from memory, as load_file does.
  Model model;
  const char* name = format == 0 ? "fuzz.json" : format == 1 ? "fuzz.yaml" : "fuzz.tf";
  model.files.push_back(std::make_unique<SourceFile>(in_memory(name, bytes)));
  const SourceFile& file = *model.files.back();
  std::vector<TerraformFile> module;
  if (format == 2) {
    HclLoadResult parsed = load_hcl(file);
    if (parsed.file) {
      module.push_back(TerraformFile{&file, std::move(parsed.file)});
      read_terraform_module(module, model);
    } else {
      model.load_failures.push_back(std::move(*parsed.failure));
    }
  } else if (const Tree* tree = add_document(format == 0 ? load_json(file) : load_yaml(file), model)) {
    read_document(*tree, format == 0, model);
  }
  model.link();

  const RunOptions options = fuzz_run_options();
  LintResult result;
  result.model = std::move(model);
  result.rules.assign(all_rules().begin(), all_rules().end());
  result.findings = run_rules(result.model, all_rules(), options).findings;
  result.fingerprints = resource_fingerprints(result.model, result.findings);
  const std::string sarif = sarif_of(result, "/fuzz");
  if (sarif.empty()) violations.push_back("empty SARIF report");

  for (const Diagnostic& failure : result.model.load_failures) check(failure, file, "rejection", violations);
  for (const Diagnostic& problem : result.model.input_problems) check(problem, file, "input problem", violations);
  for (const Finding& finding : result.findings) {
    if (finding.location.file == nullptr) continue;  // run-wide findings have no place
    check(Diagnostic{finding.level, finding.location, finding.message}, file, "finding", violations);
  }
  return violations;
}

std::vector<std::string> run_files(std::string_view bytes) {
  std::vector<std::string> violations;
  const ScratchDirectory directory;
  if (directory.path().empty()) return {"could not make a temporary directory"};
  for (const FuzzFile& file : split_files(bytes)) {
    // A path that cannot be a file (a file of that name where a directory must be) is left
    // out, as a repository could not hold it either.
    write_file(std::filesystem::path(directory.path()) / file.path, file.bytes);
  }

  const std::string paths[] = {directory.path()};
  const LintResult result = lint(paths, all_rules(), fuzz_run_options());
  if (sarif_of(result, directory.path()).empty()) violations.push_back("empty SARIF report");

  // Every path named exists and no limit is near, so every failure is about a file.
  for (const Diagnostic& failure : result.model.load_failures) {
    check_in_its_file(failure, "rejection", false, violations);
  }
  for (const Diagnostic& limit : result.model.limits_reached) violations.push_back("limit reached: " + limit.message);
  for (const Diagnostic& problem : result.model.input_problems) {
    check_in_its_file(problem, "input problem", false, violations);
  }
  for (const Diagnostic& note : result.model.notes) check_in_its_file(note, "note", true, violations);
  for (const Finding& finding : result.findings) {
    check_in_its_file(Diagnostic{finding.level, finding.location, finding.message}, "finding", true, violations);
  }
  return violations;
}

Entry entry_named(std::string_view target) {
  if (target == "json") return run_json;
  if (target == "yaml") return run_yaml;
  if (target == "hcl") return run_hcl;
  if (target == "plan") return run_plan;
  if (target == "pipeline") return run_pipeline;
  if (target == "files") return run_files;
  return nullptr;
}

}  // namespace sagelint::fuzz
