// sagelint, the command line: parses arguments, calls the library, writes the report and
// turns the outcome into an exit code. Nothing else lives here.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "sagelint/baseline.hpp"
#include "sagelint/catalog.hpp"
#include "sagelint/ci_report.hpp"
#include "sagelint/compliance_report.hpp"
#include "sagelint/config.hpp"
#include "sagelint/engine.hpp"
#include "sagelint/json_report.hpp"
#include "sagelint/limits.hpp"
#include "sagelint/lint.hpp"
#include "sagelint/markup.hpp"
#include "sagelint/rule_docs.hpp"
#include "sagelint/sarif_report.hpp"
#include "sagelint/text_report.hpp"
#include "sagelint/version.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;
using namespace sagelint;

namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsageOrInput = 2;

constexpr const char* kUsage =
    "usage: sagelint <command> [options]\n"
    "\n"
    "Lints Amazon SageMaker AI Studio domain configurations: AWS CLI exports of domains, user\n"
    "profiles and spaces (describe-*, list-*, or bundles of them), CloudFormation and CDK\n"
    "templates (YAML or JSON), Terraform .tf files and `terraform show -json` plans.\n"
    "\n"
    "commands:\n"
    "  check [PATH...]     lint files and directories (default: the current directory)\n"
    "  baseline [PATH...]  write the current findings as a baseline for check --baseline\n"
    "  report [PATH...]    write a compliance report per domain, in HTML or Markdown\n"
    "  rules               list the rules\n"
    "  explain RULE...     show a rule's documentation (by id or name)\n"
    "\n"
    "  sagelint --version  print the version\n"
    "  sagelint <command> --help\n"
    "\n"
    "exit status: 0 nothing at or above the fail level, 1 findings, 2 usage error, an input\n"
    "that could not be read or parsed, or a --max-* limit exceeded (see check --help)\n";

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

bool use_color(const std::string& mode, int fd) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (mode != "auto") throw UsageError("--color must be auto, always or never, not '" + mode + "'");
  const char* term = std::getenv("TERM");
  return isatty(fd) && std::getenv("NO_COLOR") == nullptr && !(term && std::string(term) == "dumb");
}

std::optional<Level> parse_fail_level(const std::string& text) {
  if (text == "error") return Level::error;
  if (text == "warning") return Level::warning;
  if (text == "note") return Level::note;
  if (text == "none") return std::nullopt;
  throw UsageError("--fail-on must be error, warning, note or none, not '" + text + "'");
}

Environment parse_environment(const std::string& text) {
  if (text == "prod" || text == "production") return Environment::production;
  if (text == "nonprod" || text == "dev" || text == "test") return Environment::nonproduction;
  throw UsageError("--env must be prod or nonprod, not '" + text + "'");
}

void write_stream(const fs::path& path, const std::string& content, std::ios::openmode mode) {
  std::ofstream out(path, std::ios::binary | mode);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

// Writes a regular file through a temporary file and a rename, so an existing report is never
// left half written and a failed run never truncates it. Anything else that exists (a device
// such as /dev/null, a pipe) is written to as it is: renaming over it would replace it.
void write_file_atomically(const std::string& path, const std::string& content) {
  const fs::path target(path);
  std::error_code error;
  const fs::file_status status = fs::status(target, error);
  if (fs::exists(status) && !fs::is_regular_file(status)) return write_stream(target, content, std::ios::out);
  // A hidden sibling, so the rename stays within one file system.
  std::string name = ".";
  name.append(target.filename().string()).append(".tmp").append(std::to_string(getpid()));
  const fs::path temporary = target.parent_path() / name;
  try {
    write_stream(temporary, content, std::ios::trunc);
  } catch (const std::exception&) {
    fs::remove(temporary, error);
    throw std::runtime_error("cannot write " + path);
  }
  fs::rename(temporary, target, error);
  if (error) {
    fs::remove(temporary, error);
    throw std::runtime_error("cannot write " + path + ": " + error.message());
  }
}

// The comma-separated entries of a repeatable option.
std::vector<std::string> list_option(const po::variables_map& vm, const char* name) {
  std::vector<std::string> entries;
  if (!vm.count(name)) return entries;
  for (const std::string& value : vm[name].as<std::vector<std::string>>()) {
    size_t start = 0;
    while (start <= value.size()) {
      const size_t comma = std::min(value.find(',', start), value.size());
      if (comma > start) entries.push_back(value.substr(start, comma - start));
      start = comma + 1;
    }
  }
  return entries;
}

po::variables_map parse(const std::vector<std::string>& args, const po::options_description& visible,
                        const po::options_description& hidden, const po::positional_options_description& positional) {
  po::options_description all;
  all.add(visible).add(hidden);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  po::notify(vm);
  return vm;
}

// The configuration `--config` names, else the nearest .sagelint.json, else the defaults;
// nullopt after printing every mistake in it.
std::optional<Config> read_config(const po::variables_map& vm) {
  if (vm.count("config") && vm.count("no-config")) throw UsageError("--config and --no-config exclude each other");
  if (vm.count("no-config")) return Config{};
  std::optional<fs::path> path;
  if (vm.count("config")) {
    path = vm["config"].as<std::string>();
    std::error_code error;
    if (!fs::is_regular_file(*path, error)) throw UsageError("--config: no file " + path->string());
  } else {
    path = find_config(fs::current_path());
    if (!path) return Config{};
    // Messages name the file as the user would: relative to here when it is above or below.
    std::error_code error;
    const fs::path relative = fs::relative(*path, fs::current_path(), error);
    if (!error && !relative.empty()) path = relative;
  }
  const ConfigLoad load = load_config(*path, all_rules());
  for (const std::string& problem : load.errors) std::cerr << "sagelint: error: " << printable(problem) << "\n";
  return load.config;
}

// The options `check` and `baseline` share: what is linted and how.
po::options_description run_options() {
  po::options_description options;
  options.add_options()
      ("env", po::value<std::string>(),
       "environment of resources without an Environment, env or stage tag: prod or nonprod")
      ("as-of", po::value<std::string>(), "date that justification expiries are compared with (default: today, UTC)")
      ("select", po::value<std::vector<std::string>>()->composing(),
       "run only these rules: ids, names or id prefixes, comma-separated (repeatable; replaces the config's)")
      ("ignore", po::value<std::vector<std::string>>()->composing(),
       "do not run these rules: ids, names or id prefixes, comma-separated (repeatable; adds to the config's)")
      ("config", po::value<std::string>(),
       "read the configuration from FILE (default: .sagelint.json in the current directory or above)")
      ("no-config", "ignore any .sagelint.json: the built-in defaults")
      ("waivers", po::value<std::vector<std::string>>()->composing(),
       "also read the waivers in FILE, a JSON file {\"waivers\": [...]} (repeatable)")
      ("source-root", po::value<std::string>(),
       "SARIF: make file URIs relative to DIR (default: the current directory)")
      ("category", po::value<std::string>(), "SARIF: automationDetails category, to keep several uploads apart")
      ("help,h", "show this help");
  // Inputs may come from pull requests: every limit ends in a clear error, never exhaustion.
  const Limits defaults;
  options.add_options()
      ("max-file-size", po::value<std::string>(),
       ("a larger file is an input error, not read: BYTES, or with a suffix K, M or G (default: " +
        byte_size_text(defaults.max_file_size) + ")").c_str())
      ("max-depth", po::value<size_t>(),
       ("deeper nesting is an input error (default: " + std::to_string(defaults.max_depth) + ")").c_str())
      ("max-string-length", po::value<std::string>(),
       ("a longer string or key is an input error: BYTES, or with a suffix K, M or G (default: " +
        byte_size_text(defaults.max_string_length) + ")").c_str())
      ("max-files", po::value<size_t>(),
       ("read at most N files, and fail the run if there are more (default: " + std::to_string(defaults.max_files) +
        ")").c_str())
      ("max-findings", po::value<size_t>(),
       ("report at most N findings, and fail the run if there are more (default: " +
        std::to_string(defaults.max_findings) + ")").c_str());
  return options;
}

// A size flag's value: bytes, or with a suffix K, M or G.
uint64_t byte_size_option(const po::variables_map& vm, const char* name) {
  const std::string text = vm[name].as<std::string>();
  const std::optional<uint64_t> size = parse_byte_size(text);
  if (!size || *size == 0) {
    throw UsageError(std::string("--") + name + " must be a positive number of bytes, optionally with a suffix K, M or G, "
                     "not '" + text + "'");
  }
  return *size;
}

size_t count_option(const po::variables_map& vm, const char* name) {
  const size_t count = vm[name].as<size_t>();
  if (count == 0) throw UsageError(std::string("--") + name + " must be at least 1");
  return count;
}

// The defaults, with what the flags change.
Limits limits_of(const po::variables_map& vm) {
  Limits limits;
  if (vm.count("max-file-size")) limits.max_file_size = byte_size_option(vm, "max-file-size");
  if (vm.count("max-depth")) limits.max_depth = count_option(vm, "max-depth");
  if (vm.count("max-string-length")) limits.max_string_length = byte_size_option(vm, "max-string-length");
  if (vm.count("max-files")) limits.max_files = count_option(vm, "max-files");
  if (vm.count("max-findings")) limits.max_findings = count_option(vm, "max-findings");
  return limits;
}

// A run with the configuration it read, which findings about waivers point into.
struct ConfiguredLint {
  Config config;
  LintResult result;
};

// The day of the run: `report --date` or `--as-of`, else today in UTC.
Date run_date(const po::variables_map& vm) {
  if (vm.count("date") && vm.count("as-of")) throw UsageError("give --date or --as-of, not both");
  for (const char* option : {"date", "as-of"}) {
    if (!vm.count(option)) continue;
    const auto date = Date::parse(vm[option].as<std::string>());
    if (!date) throw UsageError(std::string("--") + option + " must be a date of the form YYYY-MM-DD");
    return *date;
  }
  return Date::today_utc();
}

std::vector<std::string> input_paths(const po::variables_map& vm) {
  if (vm.count("path")) return vm["path"].as<std::vector<std::string>>();
  return {"."};
}

// Lints the paths the arguments name with the options they give; nullopt after printing
// every mistake in the configuration or the waivers.
std::optional<ConfiguredLint> lint_as_told(const po::variables_map& vm) {
  std::optional<Config> config = read_config(vm);
  if (!config) return std::nullopt;
  if (vm.count("waivers")) {
    bool valid = true;
    for (const std::string& file : vm["waivers"].as<std::vector<std::string>>()) {
      for (const std::string& problem : load_waivers(file, *config)) {
        std::cerr << "sagelint: error: " << printable(problem) << "\n";
        valid = false;
      }
    }
    if (!valid) return std::nullopt;
  }
  RunOptions options;
  options.catalog = all_rules();
  options.settings = config->settings;
  options.levels = config->levels;
  options.waivers = config->waivers;  // their locations point into `config`, which outlives the findings
  options.as_of = run_date(vm);
  options.limits = limits_of(vm);
  if (vm.count("env")) options.settings.env.fallback = parse_environment(vm["env"].as<std::string>());
  std::vector<std::string> select = vm.count("select") ? list_option(vm, "select") : config->select;
  std::vector<std::string> ignore = config->ignore;
  for (std::string& entry : list_option(vm, "ignore")) ignore.push_back(std::move(entry));
  const RuleSelection selection = select_rules(select, ignore);
  if (!selection.error.empty()) throw UsageError(selection.error);

  LintResult result = lint(input_paths(vm), selection.rules, options);
  return ConfiguredLint{std::move(*config), std::move(result)};
}

std::string sarif_of(const LintResult& result, const po::variables_map& vm) {
  SarifOptions sarif;
  std::error_code error;
  const fs::path root = vm.count("source-root") ? fs::path(vm["source-root"].as<std::string>()) : fs::current_path();
  sarif.source_root = fs::weakly_canonical(fs::absolute(root), error).generic_string();
  if (vm.count("category")) sarif.category = vm["category"].as<std::string>();
  return sarif_report(result, all_rules(), sarif);  // every known rule is described
}

int check_command(const std::vector<std::string>& args) {
  po::options_description visible("options for sagelint check [PATH...]");
  visible.add_options()
      ("format,f", po::value<std::string>()->default_value("text"),
       "report format: text, sarif, json, junit or github (workflow annotations)")
      ("output,o", po::value<std::string>(), "write the report to FILE instead of standard output")
      ("fail-on", po::value<std::string>()->default_value("warning"),
       "exit 1 when a finding is at or above this level: error, warning, note or none")
      ("baseline", po::value<std::string>(),
       "compare with a previous SARIF log of sagelint's (sagelint baseline): set each result's baselineState")
      ("fail-on-new", "with --baseline: only new findings at or above the --fail-on level exit 1")
      ("color", po::value<std::string>()->default_value("auto"), "colour the text output: auto, always or never")
      ("show-suppressed", "text: list justified findings too, with their justification and expiry");
  visible.add(run_options());
  po::options_description hidden;
  hidden.add_options()("path", po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add("path", -1);
  const po::variables_map vm = parse(args, visible, hidden, positional);
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return kExitClean;
  }

  const std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "sarif" && format != "json" && format != "junit" && format != "github") {
    throw UsageError("--format must be text, sarif, json, junit or github, not '" + format + "'");
  }
  const std::optional<Level> fail_level = parse_fail_level(vm["fail-on"].as<std::string>());
  if (vm.count("fail-on-new") && !vm.count("baseline")) throw UsageError("--fail-on-new needs --baseline FILE");
  // Read before linting: a baseline that cannot be used stops the run before any work.
  std::optional<Baseline> baseline;
  if (vm.count("baseline")) {
    BaselineLoad load = read_baseline(vm["baseline"].as<std::string>());
    if (!load.baseline) throw UsageError("--baseline: " + load.error);
    baseline = std::move(load.baseline);
  }
  std::optional<ConfiguredLint> linted = lint_as_told(vm);
  if (!linted) return kExitUsageOrInput;
  LintResult& result = linted->result;
  if (baseline) result.baseline = compare_with_baseline(result.findings, result.fingerprints, *baseline);

  const bool to_stdout = !vm.count("output");
  std::string report;
  if (format == "text") {
    const bool color = to_stdout && use_color(vm["color"].as<std::string>(), STDOUT_FILENO);
    report = text_report(result, TextStyle{color, vm.count("show-suppressed") > 0});
  } else if (format == "sarif") {
    report = sarif_of(result, vm);
  } else if (format == "junit") {
    report = junit_report(result, fail_level);
  } else if (format == "github") {
    report = github_report(result);
  } else {
    report = json_report(result);
  }

  std::cerr << input_diagnostics_text(result.model, TextStyle{use_color(vm["color"].as<std::string>(), STDERR_FILENO)});
  if (to_stdout) {
    std::cout << report << std::flush;
  } else {
    write_file_atomically(vm["output"].as<std::string>(), report);
  }

  if (result.failed()) return kExitUsageOrInput;
  if (vm.count("fail-on-new")) {
    return has_new_findings_at(result.findings, *result.baseline, fail_level) ? kExitFindings : kExitClean;
  }
  return has_findings_at(result.findings, fail_level) ? kExitFindings : kExitClean;
}

// Writes the current findings as a SARIF log for `check --baseline`; the findings themselves
// are what the baseline accepts, so they do not fail the command.
int baseline_command(const std::vector<std::string>& args) {
  po::options_description visible("options for sagelint baseline [PATH...]");
  visible.add_options()
      ("output,o", po::value<std::string>()->default_value("sagelint-baseline.sarif"),
       "write the baseline to FILE (replaced atomically)");
  visible.add(run_options());
  po::options_description hidden;
  hidden.add_options()("path", po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add("path", -1);
  const po::variables_map vm = parse(args, visible, hidden, positional);
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return kExitClean;
  }
  const std::optional<ConfiguredLint> linted = lint_as_told(vm);
  if (!linted) return kExitUsageOrInput;
  const LintResult* result = &linted->result;
  std::cerr << input_diagnostics_text(result->model, TextStyle{use_color("auto", STDERR_FILENO)});
  const std::string output = vm["output"].as<std::string>();
  write_file_atomically(output, sarif_of(*result, vm));
  std::cerr << "sagelint: wrote " << count_of(result->findings.size(), "finding", "findings") << " to " << output
            << "\n";
  return result->failed() ? kExitUsageOrInput : kExitClean;
}

// Writes a compliance report of the run; findings do not fail it, inputs that cannot be read
// and limits reached do.
int report_command(const std::vector<std::string>& args) {
  po::options_description visible("options for sagelint report [PATH...]");
  visible.add_options()
      ("format,f", po::value<std::string>()->default_value("html"), "report format: html or markdown")
      ("output,o", po::value<std::string>(), "write the report to FILE (replaced atomically) instead of standard output")
      ("date", po::value<std::string>(),
       "the report's date, YYYY-MM-DD, which justification expiries are compared with (default: today, UTC); "
       "the same inputs and date give the same bytes");
  visible.add(run_options());
  po::options_description hidden;
  hidden.add_options()("path", po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add("path", -1);
  const po::variables_map vm = parse(args, visible, hidden, positional);
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return kExitClean;
  }
  const std::string format = vm["format"].as<std::string>();
  if (format != "html" && format != "markdown") {
    throw UsageError("--format must be html or markdown, not '" + format + "'");
  }
  const std::optional<ConfiguredLint> linted = lint_as_told(vm);
  if (!linted) return kExitUsageOrInput;
  const LintResult& result = linted->result;
  ReportScope scope;
  scope.date = run_date(vm);
  scope.inputs = input_paths(vm);
  scope.configuration = linted->config.path;
  scope.settings = linted->config.settings;
  if (vm.count("env")) scope.settings.env.fallback = parse_environment(vm["env"].as<std::string>());
  const std::string report =
      format == "html" ? html_compliance_report(result, scope) : markdown_compliance_report(result, scope);
  std::cerr << input_diagnostics_text(result.model, TextStyle{use_color("auto", STDERR_FILENO)});
  if (vm.count("output")) {
    write_file_atomically(vm["output"].as<std::string>(), report);
  } else {
    std::cout << report << std::flush;
  }
  return result.failed() ? kExitUsageOrInput : kExitClean;
}

void write_rule_docs(const std::string& directory) {
  fs::create_directories(directory);
  for (const Rule* rule : all_rules()) {
    write_file_atomically((fs::path(directory) / (std::string(rule->info.id) + ".md")).string(),
                          rule_markdown(rule->info, rule_examples(rule->info.id)));
  }
  write_file_atomically((fs::path(directory) / "README.md").string(), rule_index_markdown(all_rules()));
}

int rules_command(const std::vector<std::string>& args) {
  po::options_description visible("options for sagelint rules");
  visible.add_options()
      ("write-docs", po::value<std::string>(), "write each rule's page, <ID>.md, into DIR (how docs/rules is made)")
      ("help,h", "show this help");
  const po::variables_map vm = parse(args, visible, {}, {});
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return kExitClean;
  }
  if (vm.count("write-docs")) {
    write_rule_docs(vm["write-docs"].as<std::string>());
    return kExitClean;
  }
  for (const Rule* rule : all_rules()) {
    const RuleInfo& info = rule->info;
    std::string name(info.name);
    name.resize(std::max<size_t>(name.size(), 32), ' ');
    std::string level(to_string(info.level));
    level.resize(8, ' ');
    std::cout << info.id << "  " << level << name << "  " << info.summary << "\n";
  }
  return kExitClean;
}

int explain_command(const std::vector<std::string>& args) {
  po::options_description visible("usage: sagelint explain RULE...");
  visible.add_options()("help,h", "show this help");
  po::options_description hidden;
  hidden.add_options()("rule", po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add("rule", -1);
  const po::variables_map vm = parse(args, visible, hidden, positional);
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return kExitClean;
  }
  if (!vm.count("rule")) throw UsageError("explain needs a rule id or name, e.g. sagelint explain SMD007");
  bool first = true;
  for (const std::string& id : vm["rule"].as<std::vector<std::string>>()) {
    const Rule* rule = find_rule(id);
    if (rule == nullptr) throw UsageError("no rule '" + id + "'; sagelint rules lists them");
    if (!first) std::cout << "\n";
    std::cout << rule_text(rule->info, rule_examples(rule->info.id));
    first = false;
  }
  return kExitClean;
}

int run(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << kUsage;
    return kExitUsageOrInput;
  }
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return kExitClean;
  }
  if (command == "--version" || command == "version") {
    std::cout << "sagelint " << kVersion << "\n";
    return kExitClean;
  }
  if (command == "check") return check_command(args);
  if (command == "baseline") return baseline_command(args);
  if (command == "report") return report_command(args);
  if (command == "rules") return rules_command(args);
  if (command == "explain") return explain_command(args);
  throw UsageError("unknown command '" + command + "'; commands are check, baseline, report, rules and explain");
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const UsageError& error) {
    std::cerr << "sagelint: error: " << printable(error.what()) << "\n";
    return kExitUsageOrInput;
  } catch (const po::error& error) {
    std::cerr << "sagelint: error: " << printable(error.what()) << "\n";
    return kExitUsageOrInput;
  } catch (const std::exception& error) {
    std::cerr << "sagelint: error: " << printable(error.what()) << "\n";
    return kExitUsageOrInput;
  }
}
