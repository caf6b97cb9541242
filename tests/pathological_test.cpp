// Generated hostile inputs, each linted by `sagelint check` at size n and 8n in one test run:
// the work must grow about 8-fold, not 64-fold. The measure is the CPU time (user + system)
// of the child process, the least of three runs of each size, and the assertion is the ratio
// of the two, never a duration: linear work gives 8 or less (the process's fixed start-up
// cost weighs more in the small run), quadratic work about 64, and 20 leaves room for a
// noisy machine. A whole run is measured, not a loader alone, so a quadratic step anywhere
// (loading, rules, fingerprints, the report) fails the test; inputs are sized so that the
// small run's own work outweighs start-up. docs/robustness.md lists each input.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "test_support.hpp"

extern char** environ;

using namespace sagelint;
using sagelint::testing::TempDir;

namespace {

constexpr double kMaxRatio = 20;

// The CPU seconds of one `sagelint check --no-config ARGS... FILE`, its output discarded.
double cpu_seconds_of_check(const std::string& file, const std::vector<std::string>& args) {
  std::vector<std::string> argv_text{SAGELINT_BINARY, "check", "--no-config", "--color", "never"};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  argv_text.push_back(file);
  std::vector<char*> argv;
  for (std::string& arg : argv_text) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE(spawned == 0);
  int status = 0;
  rusage usage{};
  REQUIRE(wait4(pid, &status, 0, &usage) == pid);
  // 0, 1 (findings) and 2 (an input rejected, or a limit met) are answers; a signal is a crash.
  REQUIRE_MESSAGE(WIFEXITED(status), "sagelint was killed by signal " << WTERMSIG(status) << " on " << file);
  REQUIRE(WEXITSTATUS(status) <= 2);
  const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// How much more CPU `sagelint check` takes on the input for 8n than on the one for n.
double growth(const std::string& name, const std::function<std::string(size_t)>& input, size_t n,
              const std::vector<std::string>& args = {}) {
  TempDir dir;
  const std::string small = dir.write("small/" + name, input(n));
  const std::string large = dir.write("large/" + name, input(8 * n));
  const auto best_of_three = [&](const std::string& file) {
    double best = 1e9;
    for (int run = 0; run < 3; ++run) best = std::min(best, cpu_seconds_of_check(file, args));
    return std::max(best, 1e-3);  // the clock's resolution: never divide by zero
  };
  const double small_time = best_of_three(small);
  const double large_time = best_of_three(large);
  MESSAGE(name << " n = " << n << ": " << std::filesystem::file_size(small) << " bytes in " << small_time * 1e3
               << " ms, 8n: " << std::filesystem::file_size(large) << " bytes in " << large_time * 1e3
               << " ms, ratio " << large_time / small_time);
  return large_time / small_time;
}

std::string repeated(std::string_view piece, size_t count) {
  std::string out;
  out.reserve(piece.size() * count);
  for (size_t i = 0; i < count; ++i) out += piece;
  return out;
}

// Loads `text` as the file `name` says, expecting a rejection when `message` is not empty.
void load(const std::string& name, const std::string& text, const std::string& message = {}) {
  const SourceFile file(name, "/" + name, text);
  std::optional<Diagnostic> failure;
  if (name.ends_with(".json")) failure = load_json(file).failure;
  if (name.ends_with(".yaml")) failure = load_yaml(file).failure;
  if (name.ends_with(".tf")) failure = load_hcl(file).failure;
  if (message.empty()) {
    REQUIRE_MESSAGE(!failure, (failure ? failure->message : ""));
  } else {
    REQUIRE(failure);
    REQUIRE(failure->message == message);
  }
}

const std::string kTooDeep = "nesting deeper than 256 levels (--max-depth)";

}  // namespace

TEST_CASE("pathological: deep nesting is rejected at the limit, in time linear in the input") {
  SUBCASE("JSON arrays and objects") {
    load("x.json", repeated("[", 800'000) + repeated("]", 800'000), kTooDeep);
    load("x.json", repeated("{\"a\":", 800'000) + "1" + repeated("}", 800'000), kTooDeep);
    const auto arrays = [](size_t n) { return repeated("[", n) + repeated("]", n); };
    CHECK(growth("deep.json", arrays, 200'000) < kMaxRatio);
  }
  SUBCASE("YAML flow collections") {
    const auto input = [](size_t n) { return repeated("[{a: ", n) + "1" + repeated("}]", n) + "\n"; };
    load("x.yaml", input(50'000), kTooDeep);
    CHECK(growth("deep.yaml", input, 100'000) < kMaxRatio);
  }
  SUBCASE("YAML block sequences, compact on one line") {
    const auto input = [](size_t n) { return repeated("- ", n) + "x\n"; };
    load("x.yaml", input(50'000), kTooDeep);
    CHECK(growth("deep.yaml", input, 100'000) < kMaxRatio);
  }
  SUBCASE("HCL brackets and parentheses") {
    const auto brackets = [](size_t n) { return "a = " + repeated("[(", n) + "1" + repeated(")]", n) + "\n"; };
    load("x.tf", brackets(50'000), kTooDeep);
    CHECK(growth("deep.tf", brackets, 60'000) < kMaxRatio);
  }
  SUBCASE("HCL blocks") {
    const auto blocks = [](size_t n) { return repeated("b {\n", n) + repeated("}\n", n); };
    load("x.tf", blocks(400'000), kTooDeep);
    CHECK(growth("deep.tf", blocks, 30'000) < kMaxRatio);
  }
  SUBCASE("HCL templates nested in interpolations") {
    const auto templates = [](size_t n) { return "a = " + repeated("\"${", n) + "1" + repeated("}\"", n) + "\n"; };
    load("x.tf", templates(400'000), kTooDeep);
    CHECK(growth("deep.tf", templates, 25'000) < kMaxRatio);
  }
}

TEST_CASE("pathological: a JSON object of a million keys, and one line of megabytes, lint in linear time") {
  const auto keys = [](size_t n) {
    std::string out = "{";
    for (size_t i = 0; i < n; ++i) out += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":1";
    return out + "}";
  };
  load("x.json", keys(1'000'000));
  CHECK(growth("keys.json", keys, 60'000) < kMaxRatio);
  const auto json_line = [](size_t n) { return "[" + repeated("1,", n) + "1]"; };
  load("x.json", json_line(5'000'000));
  CHECK(growth("line.json", json_line, 60'000) < kMaxRatio);
  const auto yaml_line = [](size_t n) { return "a: [" + repeated("1, ", n) + "1]\n"; };
  CHECK(growth("line.yaml", yaml_line, 50'000) < kMaxRatio);
  const auto hcl_line = [](size_t n) { return "a = [" + repeated("1, ", n) + "1]\n"; };
  CHECK(growth("line.tf", hcl_line, 70'000) < kMaxRatio);
}

TEST_CASE("pathological: a finding for every key of a one-line file costs the same per finding at any size") {
  // 20,000 duplicate keys on one line of 340 KB took 40 s: each finding's column was counted
  // from the line's start, its code frame escaped the whole line, and its fingerprint looked
  // the domain's members up again. Now each costs about as much as on a short line.
  const auto duplicates = [](size_t n) { return "{\"DomainId\": \"d-1\"" + repeated(", \"DomainId\": \"d-1\"", n) + "}"; };
  CHECK(growth("duplicates.json", duplicates, 2'000) < kMaxRatio);
  CHECK(growth("duplicates.json", duplicates, 1'500, {"--format", "sarif"}) < kMaxRatio);
}

TEST_CASE("pathological: YAML aliases never expand beyond the size of the file") {
  SUBCASE("billion laughs: each level aliases the one before ten times") {
    const auto laughs = [](size_t levels) {
      std::string out = "l0: &l0 lol\n";
      for (size_t i = 1; i <= levels; ++i) {
        out += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
        for (int j = 0; j < 10; ++j) out += (j ? ", *l" : "*l") + std::to_string(i - 1);
        out += "]\n";
      }
      return out;
    };
    const std::string message =
        "YAML aliases expand to more values or text than the file has bytes; sagelint does not expand them further";
    load("x.yaml", laughs(9), message);
    CHECK(growth("laughs.yaml", laughs, 700) < kMaxRatio);
  }
  SUBCASE("a long string with escapes, aliased many times, costs its length each time") {
    // Text with escapes is stored in the tree, once per copy: without charging its length a
    // 100 KB file would store gigabytes.
    const std::string text = "a: &a \"" + repeated("\\t", 50'000) + "\"\nb: [" + repeated("*a, ", 20'000) + "*a]\n";
    load("x.yaml", text,
         "YAML aliases expand to more values or text than the file has bytes; sagelint does not expand them further");
    // As many copies as the file has room for still load.
    load("x.yaml", "a: &a \"" + repeated("\\t", 100) + "\"\nb: [" + repeated("*a, ", 5) + "*a]\n");
  }
}

TEST_CASE("pathological: HCL templates with a hundred thousand interpolations lint in linear time") {
  const auto quoted = [](size_t n) { return "a = \"" + repeated("${b}x${c.d[0]}", n) + "\"\n"; };
  load("x.tf", quoted(100'000));
  CHECK(growth("interpolations.tf", quoted, 4'000) < kMaxRatio);
  const auto heredoc = [](size_t n) { return "a = <<-EOT\n" + repeated("  ${b} %{if c}x%{endif}\n", n) + "EOT\n"; };
  load("x.tf", heredoc(100'000));
  CHECK(growth("heredoc.tf", heredoc, 4'000) < kMaxRatio);
}

TEST_CASE("pathological: CloudFormation intrinsics over many references lint in linear time") {
  // Fn::Sub of a long parameter default many times, Fn::Join of it, and a chain of conditions
  // that each name the one before twice: expansion is bounded by the template's size.
  const auto input = [](size_t n) {
    std::string out = "Parameters:\n  P:\n    Type: String\n    Default: " + repeated("x", 1000) + "\nConditions:\n";
    out += "  C0: !Equals [!Ref P, x]\n";
    for (size_t i = 1; i < n; ++i) {
      out += "  C" + std::to_string(i) + ": !And [!Condition C" + std::to_string(i - 1) + ", !Condition C" +
             std::to_string(i - 1) + "]\n";
    }
    out += "Resources:\n  Domain:\n    Type: AWS::SageMaker::Domain\n    Properties:\n      DomainName: !Sub \"" +
           repeated("${P}", n) + "\"\n      AuthMode: IAM\n      DefaultUserSettings:\n        ExecutionRole: !Join [\"\", [" +
           repeated("!Ref P, ", n) + "x]]\n        DefaultLandingUri: !If [C" + std::to_string(n - 1) +
           ", studio::, app:JupyterServer:]\n";
    return out;
  };
  CHECK(growth("template.yaml", input, 2'000) < kMaxRatio);
}
