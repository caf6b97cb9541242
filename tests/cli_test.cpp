// The command line, run as users run it: arguments, exit codes, where output goes.
#include <doctest/doctest.h>
#include <rapidjson/document.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "sagelint/aws_shapes.hpp"
#include "sagelint/settings.hpp"
#include "test_support.hpp"

using namespace sagelint::testing;

namespace {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};


std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs the built binary in `working_directory` with `args`, capturing both streams in `dir`.
CliRun run_sagelint_in(const std::string& working_directory, const TempDir& dir, const std::vector<std::string>& args) {
  std::string command = "cd " + shell_quote(working_directory) + " && NO_COLOR=1 " + shell_quote(SAGELINT_BINARY);
  for (const std::string& arg : args) command += " " + shell_quote(arg);
  const std::string out = dir.file(".stdout"), err = dir.file(".stderr");
  command += " >" + shell_quote(out) + " 2>" + shell_quote(err);
  const int status = std::system(command.c_str());
  CliRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = read_file(out);
  run.err = read_file(err);
  return run;
}

CliRun run_sagelint(const TempDir& dir, const std::vector<std::string>& args) {
  return run_sagelint_in(dir.path().string(), dir, args);
}

// StudioWebPortalSettings that hide what the default settings ask to hide: Studio Classic, the
// unused partner tools and every instance type of the API that matches the denied globs.
std::string clean_portal_settings() {
  const sagelint::Settings defaults = sagelint::Settings::defaults();
  std::string tools;
  for (const std::string& tool : defaults.unused_tools) tools += (tools.empty() ? "\"" : ", \"") + tool + "\"";
  std::string types;
  for (const std::string_view type : sagelint::aws::enum_values(*sagelint::aws::find_shape("AppInstanceType"))) {
    if (!sagelint::matches_any_glob(defaults.denied_instance_types, type)) continue;
    types += (types.empty() ? "\"" : ", \"") + std::string(type) + "\"";
  }
  return R"("StudioWebPortalSettings": {"HiddenAppTypes": ["JupyterServer", "RStudioServerPro", "CodeEditor"], "HiddenMlTools": [)" + tools +
         R"(], "HiddenInstanceTypes": [)" + types + "]}";
}

const std::string kCleanDomain = R"({
  "DomainId": "d-1",
  "DomainName": "ml-platform",
  "AuthMode": "SSO",
  "AppNetworkAccessType": "VpcOnly",
  "SingleSignOnApplicationArn": "arn:aws:sso::111122223333:application/ssoins-1111222233334444/apl-1111222233334444",
  "SubnetIds": ["subnet-0a1b2c3d4e5f60718"],
  "KmsKeyId": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  "DefaultUserSettings": {
    "ExecutionRole": "arn:aws:iam::111122223333:role/sm-ds-team-a",
    "DefaultLandingUri": "studio::",
    "StudioWebPortal": "ENABLED",
    "AutoMountHomeEFS": "Disabled",
    "SecurityGroups": ["sg-0123456789abcdef0"],
    )" + clean_portal_settings() + R"(,
    "JupyterLabAppSettings": {"AppLifecycleManagement": {"IdleSettings": {"LifecycleManagement": "ENABLED",
                                                                          "IdleTimeoutInMinutes": 120}}}
  },
  "TagPropagation": "ENABLED",
  "Tags": [{"Key": "CostCenter", "Value": "4711"}, {"Key": "Owner", "Value": "ml-platform"},
           {"Key": "Environment", "Value": "dev"}]
}
)";

const std::string kPublicDomain = R"({
  "DomainId": "d-2",
  "DomainName": "research",
  "AuthMode": "SSO",
  "AppNetworkAccessType": "PublicInternetOnly",
  "SingleSignOnApplicationArn": "arn:aws:sso::111122223333:application/ssoins-1111222233334444/apl-5555666677778888",
  "KmsKeyId": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  "DefaultUserSettings": {
    "ExecutionRole": "arn:aws:iam::111122223333:role/sm-research",
    "DefaultLandingUri": "studio::",
    "AutoMountHomeEFS": "Disabled",
    )" + clean_portal_settings() + R"(,
    "JupyterLabAppSettings": {"AppLifecycleManagement": {"IdleSettings": {"LifecycleManagement": "ENABLED",
                                                                          "IdleTimeoutInMinutes": 120}}}
  },
  "TagPropagation": "ENABLED",
  "Tags": [{"Key": "CostCenter", "Value": "4711"}, {"Key": "Owner", "Value": "research"},
           {"Key": "Environment", "Value": "dev"}]
}
)";

}  // namespace

TEST_CASE("sagelint --version and --help succeed, no command is a usage error") {
  TempDir dir;
  const CliRun version = run_sagelint(dir, {"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out.starts_with("sagelint "));
  const CliRun help = run_sagelint(dir, {"--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("check [PATH...]") != std::string::npos);
  const CliRun none = run_sagelint(dir, {});
  CHECK(none.exit_code == 2);
  CHECK(none.err.starts_with("usage: sagelint"));
  const CliRun unknown = run_sagelint(dir, {"lint"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "sagelint: error: unknown command 'lint'; commands are check, baseline, report, rules and explain\n");
}

TEST_CASE("check exits 0 when nothing reaches the fail level, 1 when something does") {
  TempDir dir;
  dir.write("clean/domain.json", kCleanDomain);
  dir.write("public/domain.json", kPublicDomain);
  SUBCASE("clean input") {
    const CliRun run = run_sagelint(dir, {"check", "clean"});
    CHECK(run.exit_code == 0);
    CHECK(run.out == "no problems found in 1 file\n");
    CHECK(run.err.empty());
  }
  SUBCASE("a warning fails at the default level") {
    const CliRun run = run_sagelint(dir, {"check", "public"});
    CHECK(run.exit_code == 1);
    CHECK(run.out.starts_with("public/domain.json:5:27: warning: domain 'research' sends Studio traffic through the "
                              "public internet"));
    CHECK(run.out.find(" 5 |   \"AppNetworkAccessType\": \"PublicInternetOnly\",\n") != std::string::npos);
    CHECK(run.out.find("   |                           ^~~~~~~~~~~~~~~~~~~~\n") != std::string::npos);
    CHECK(run.out.ends_with("1 warning in 1 file\n"));
  }
  SUBCASE("--fail-on error lets warnings pass") {
    CHECK(run_sagelint(dir, {"check", "--fail-on", "error", "public"}).exit_code == 0);
  }
  SUBCASE("--fail-on none never fails on findings") {
    CHECK(run_sagelint(dir, {"check", "--fail-on=none", "public"}).exit_code == 0);
  }
  SUBCASE("--env prod turns the warning into an error") {
    // Without its Environment tag, which would decide before --env does.
    std::string untagged(kPublicDomain);
    const std::string environment = R"(,
           {"Key": "Environment", "Value": "dev"})";
    untagged.erase(untagged.find(environment), environment.size());
    dir.write("untagged/domain.json", untagged);
    const CliRun run = run_sagelint(dir, {"check", "--env", "prod", "--fail-on", "error", "untagged"});
    CHECK(run.exit_code == 1);
    CHECK(run.out.find(": error: domain 'research'") != std::string::npos);
  }
  SUBCASE("--ignore leaves a rule out, --select keeps only some") {
    CHECK(run_sagelint(dir, {"check", "--ignore", "vpc-only-network", "public"}).exit_code == 0);
    CHECK(run_sagelint(dir, {"check", "--select", "SMD003,SMD007", "public"}).exit_code == 0);
    CHECK(run_sagelint(dir, {"check", "--select", "SMD01", "public"}).exit_code == 1);
  }
  SUBCASE("the current directory is the default path") {
    CHECK(run_sagelint(dir, {"check"}).exit_code == 1);
  }
}

TEST_CASE("an input that cannot be parsed exits 2, reports on stderr, and the other inputs are still checked") {
  TempDir dir;
  dir.write("broken.json", "{\n  \"DomainId\": \"d-9\",\n  \"DomainName\": \"x\"\n  \"AuthMode\": \"SSO\"\n}\n");
  dir.write("public.json", kPublicDomain);
  const CliRun run = run_sagelint(dir, {"check", "--fail-on", "none", "broken.json", "public.json"});
  CHECK(run.exit_code == 2);
  CHECK(run.err.starts_with("broken.json:4:3: error: expected ',' or '}' after an object member\n"
                            " 4 |   \"AuthMode\": \"SSO\"\n"
                            "   |   ^\n"));
  CHECK(run.out.find("public.json:5:27: warning:") != std::string::npos);
  CHECK(run.out.ends_with("1 warning in 2 files; 1 input could not be read (see above)\n"));
}

TEST_CASE("a path that does not exist exits 2") {
  TempDir dir;
  const CliRun run = run_sagelint(dir, {"check", "nowhere"});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("error: nowhere: no such file or directory") != std::string::npos);
}

TEST_CASE("bad options are usage errors with exit code 2") {
  TempDir dir;
  dir.write("d.json", kCleanDomain);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"check", "--format", "xml", "d.json"}, {"check", "--fail-on", "fatal", "d.json"},
        {"check", "--env", "qa", "d.json"}, {"check", "--as-of", "tomorrow", "d.json"},
        {"check", "--no-such-flag", "d.json"}, {"check", "--ignore", "SMD999", "d.json"}, {"explain", "SMD999"},
        {"explain"}}) {
    CAPTURE(args[1]);
    const CliRun run = run_sagelint(dir, args);
    CHECK(run.exit_code == 2);
    CHECK(run.err.starts_with("sagelint: error: "));
    CHECK(run.out.empty());
  }
}

TEST_CASE("--output writes the report to a file and nothing to standard output") {
  TempDir dir;
  dir.write("d.json", kPublicDomain);
  SUBCASE("sarif") {
    const CliRun run = run_sagelint(dir, {"check", "--format", "sarif", "--output", "out.sarif", "d.json"});
    CHECK(run.exit_code == 1);
    CHECK(run.out.empty());
    const std::string sarif = read_file(dir.file("out.sarif"));
    CHECK(sarif.find("\"version\": \"2.1.0\"") != std::string::npos);
    CHECK(sarif.find("\"ruleId\": \"SMD015\"") != std::string::npos);
  }
  SUBCASE("json") {
    CHECK(run_sagelint(dir, {"check", "-f", "json", "-o", "out.json", "d.json"}).exit_code == 1);
    CHECK(read_file(dir.file("out.json")).find("\"ruleId\": \"SMD015\"") != std::string::npos);
  }
  SUBCASE("an existing report is replaced whole, through a rename, never rewritten in place") {
    dir.write("out.sarif", "the previous report");
    std::filesystem::create_hard_link(dir.file("out.sarif"), dir.file("previous.sarif"));
    CHECK(run_sagelint(dir, {"check", "-f", "sarif", "-o", "out.sarif", "d.json"}).exit_code == 1);
    CHECK(read_file(dir.file("out.sarif")).find("\"ruleId\": \"SMD015\"") != std::string::npos);
    // A write in place would have changed the other name of the same file too.
    CHECK(read_file(dir.file("previous.sarif")) == "the previous report");
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
      CHECK_MESSAGE(entry.path().filename().string().find(".tmp") == std::string::npos, entry.path());
    }
  }
  SUBCASE("a run that fails before its report is written leaves the previous one as it was") {
    dir.write("out.sarif", "the previous report");
    const CliRun run = run_sagelint(dir, {"check", "-f", "sarif", "-o", "out.sarif", "--baseline", "none.sarif", "d.json"});
    CHECK(run.exit_code == 2);
    CHECK(read_file(dir.file("out.sarif")) == "the previous report");
  }
  SUBCASE("a device is written to, not replaced") {
    const CliRun run = run_sagelint(dir, {"check", "--format", "sarif", "--output", "/dev/null", "d.json"});
    CHECK(run.exit_code == 1);
    CHECK(std::filesystem::is_character_file("/dev/null"));
  }
  SUBCASE("a directory that does not exist is an error, and no partial file is left") {
    const CliRun run = run_sagelint(dir, {"check", "-o", "missing/out.txt", "d.json"});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("sagelint: error: cannot write missing/out.txt") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.file("missing")));
  }
}

TEST_CASE("rules lists the catalog and explain prints a rule's documentation") {
  TempDir dir;
  const CliRun rules = run_sagelint(dir, {"rules"});
  CHECK(rules.exit_code == 0);
  for (const sagelint::Rule* rule : sagelint::all_rules()) {
    CHECK(rules.out.find(std::string(rule->info.id) + "  ") != std::string::npos);
  }
  const CliRun explain = run_sagelint(dir, {"explain", "default-landing-studio"});
  CHECK(explain.exit_code == 0);
  CHECK(explain.out.starts_with("SMD007 default-landing-studio\n=============================\n"));
  CHECK(explain.out.find("\nWhat it does\n------------\n") != std::string::npos);
  CHECK(explain.out.find("\nConfiguration\n-------------\nNone.\n") != std::string::npos);
}

TEST_CASE("the bundled sample lints as the README shows, with nothing to say about its inputs") {
  TempDir dir;
  const CliRun run = run_sagelint_in(SAGELINT_SOURCE_DIR, dir, {"check", "fixtures/sample"});
  CHECK(run.exit_code == 1);
  CHECK(run.err.empty());
  CHECK(run.out.find("fixtures/sample/profiles/jdoe.json:10:30: error: IAM Identity Center user 'jdoe@example.com' "
                     "is bound to user profile 'jdoe' and to user profile 'jdoe-sandbox'") != std::string::npos);
  CHECK(run.out.ends_with("1 error, 18 warnings and 11 notes in 10 files; 1 justified and not shown\n"));
}

TEST_CASE("suppressed findings are not shown in text but counted, and do not fail the run") {
  TempDir dir;
  dir.write("d.json", R"({"DomainId": "d-2", "DomainName": "research", "AuthMode": "SSO",
    "AppNetworkAccessType": "PublicInternetOnly", "SingleSignOnManagedApplicationInstanceId": "ins-1111222233334444",
    "KmsKeyId": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    "DefaultUserSettings": {"ExecutionRole": "arn:aws:iam::111122223333:role/sm-research",
                            "DefaultLandingUri": "studio::", "AutoMountHomeEFS": "Disabled",
                            )" + clean_portal_settings() + R"(,
                            "JupyterLabAppSettings": {"AppLifecycleManagement": {"IdleSettings": {
                                "LifecycleManagement": "ENABLED", "IdleTimeoutInMinutes": 120}}}},
    "TagPropagation": "ENABLED",
    "Tags": [{"Key": "CostCenter", "Value": "4711"}, {"Key": "Owner", "Value": "research"},
             {"Key": "Environment", "Value": "dev"},
             {"Key": "sagelint:justify:SMD015", "Value": "public datasets only expires=2099-01-01"}]})");
  const CliRun run = run_sagelint(dir, {"check", "d.json"});
  CHECK(run.exit_code == 0);
  CHECK(run.out == "no problems found in 1 file; 1 justified and not shown\n");
}

TEST_CASE("check reads .sagelint.json from the working directory or above, --config and --no-config") {
  TempDir dir;
  dir.write("infra/d.json", kPublicDomain);
  // SMD015 alone, as a note: nothing at the default fail level.
  dir.write(".sagelint.json", R"({"select": ["SMD015"], "levels": {"SMD015": "note"}})");
  const CliRun found_above = run_sagelint_in(dir.file("infra"), dir, {"check", "d.json"});
  CHECK(found_above.exit_code == 0);
  CHECK(found_above.out.find(": note: ") != std::string::npos);
  CHECK(found_above.err.empty());

  const CliRun isolated = run_sagelint_in(dir.file("infra"), dir, {"check", "--no-config", "--select", "SMD015", "d.json"});
  CHECK(isolated.exit_code == 1);

  // --select replaces the config's selection; --ignore adds to it.
  const CliRun ignored = run_sagelint_in(dir.file("infra"), dir, {"check", "--ignore", "SMD015", "d.json"});
  CHECK(ignored.exit_code == 0);
  CHECK(ignored.out == "no problems found in 1 file\n");

  dir.write("strict.json", R"({"select": ["SMD015"], "levels": {"SMD015": "error"}})");
  const CliRun strict = run_sagelint_in(dir.file("infra"), dir, {"check", "--config", "../strict.json", "d.json"});
  CHECK(strict.exit_code == 1);
  CHECK(strict.out.find(": error: ") != std::string::npos);
}

TEST_CASE("a broken configuration stops the run with every mistake and its position") {
  TempDir dir;
  dir.write("d.json", kPublicDomain);
  dir.write(".sagelint.json", "{\n  \"idle_max_minute\": 120,\n  \"levels\": {\"SMD015\": \"fatal\"}\n}\n");
  const CliRun run = run_sagelint(dir, {"check", "d.json"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(run.err ==
        "sagelint: error: .sagelint.json:2:3: unknown key 'idle_max_minute'; did you mean 'idle_max_minutes'?\n"
        "sagelint: error: .sagelint.json:3:24: a level must be error, warning, note or off, not 'fatal'\n");
  const CliRun missing = run_sagelint(dir, {"check", "--config", "nope.json", "d.json"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == "sagelint: error: --config: no file nope.json\n");
}

TEST_CASE("--waivers suppresses a finding of an export, which has no tags of its own") {
  TempDir dir;
  dir.write("d.json", R"({"DomainId": "d-9", "DomainName": "research-sandbox", "AuthMode": "SSO",
                          "AppNetworkAccessType": "PublicInternetOnly"})");
  dir.write("waivers.json", R"({"waivers": [{"rule": "SMD015", "resource": "research-*",
                                            "reason": "public datasets only, SEC-1187", "owner": "jdoe"}]})");
  const CliRun plain = run_sagelint(dir, {"check", "--no-config", "--select", "SMD015", "d.json"});
  CHECK(plain.exit_code == 1);
  const CliRun waived =
      run_sagelint(dir, {"check", "--no-config", "--select", "SMD015", "--waivers", "waivers.json", "d.json"});
  CHECK(waived.exit_code == 0);
  CHECK(waived.out == "no problems found in 1 file; 1 justified and not shown\n");
  const CliRun broken = run_sagelint(dir, {"check", "--no-config", "--waivers", "d.json", "d.json"});
  CHECK(broken.exit_code == 2);
  CHECK(broken.err.starts_with("sagelint: error: d.json:1:2: unknown key 'DomainId'; a waivers file holds only"));
}

TEST_CASE("--show-suppressed lists justified findings with their justification, expired ones are counted") {
  TempDir dir;
  dir.write("d.json", R"({"DomainId": "d-9", "DomainName": "research-sandbox", "AuthMode": "SSO",
    "AppNetworkAccessType": "PublicInternetOnly",
    "Tags": [{"Key": "sagelint:justify:SMD015", "Value": "public datasets only expires=2099-01-01"}]})");
  dir.write("e.json", R"({"DomainId": "d-8", "DomainName": "teaching", "AuthMode": "SSO",
    "AppNetworkAccessType": "PublicInternetOnly",
    "Tags": [{"Key": "sagelint:justify:SMD015", "Value": "course sandbox expires=2020-01-01"}]})");
  const CliRun run = run_sagelint(dir, {"check", "--no-config", "--select", "SMD015", "--show-suppressed", "d.json",
                                        "e.json"});
  CHECK(run.exit_code == 1);
  CHECK(run.out.find("d.json:2:29: warning: ") != std::string::npos);
  CHECK(run.out.find("  = suppressed by a justification: public datasets only (expires 2099-01-01)\n") !=
        std::string::npos);
  CHECK(run.out.find("e.json:") != std::string::npos);
  CHECK(run.out.ends_with("1 warning in 2 files; 1 justified; 1 with an expired justification\n"));
  const CliRun hidden = run_sagelint(dir, {"check", "--no-config", "--select", "SMD015", "d.json", "e.json"});
  CHECK(hidden.out.find("suppressed by") == std::string::npos);
  CHECK(hidden.out.ends_with("1 warning in 2 files; 1 justified and not shown; 1 with an expired justification\n"));
}

TEST_CASE("baseline: sagelint baseline writes a log that check --baseline --fail-on-new accepts as all unchanged") {
  TempDir dir;
  dir.write("export/public.json", kPublicDomain);
  dir.write("export/clean.json", kCleanDomain);

  const CliRun written = run_sagelint(dir, {"baseline", "export"});
  CHECK(written.exit_code == 0);  // the findings are what the baseline accepts
  CHECK(written.out.empty());
  CHECK(written.err.find("to sagelint-baseline.sarif") != std::string::npos);
  const std::string baseline = read_file(dir.file("sagelint-baseline.sarif"));
  REQUIRE(baseline.find("\"sagelintResourceFingerprint/v1\"") != std::string::npos);

  const CliRun plain = run_sagelint(dir, {"check", "export"});
  CHECK(plain.exit_code == 1);
  const CliRun again = run_sagelint(dir, {"check", "--baseline", "sagelint-baseline.sarif", "--fail-on-new", "--format",
                                          "sarif", "export"});
  CHECK(again.exit_code == 0);
  CHECK(again.out.find("\"baselineState\": \"unchanged\"") != std::string::npos);
  CHECK(again.out.find("\"baselineState\": \"new\"") == std::string::npos);
  CHECK(again.out.find("\"baselineState\": \"absent\"") == std::string::npos);

  const CliRun text = run_sagelint(dir, {"check", "--baseline", "sagelint-baseline.sarif", "export"});
  CHECK(text.exit_code == 1);  // without --fail-on-new every finding counts
  CHECK(text.out.find("; 0 new since the baseline\n") != std::string::npos);

  SUBCASE("a fixed finding is absent, and the new one its fix brings fails the run") {
    std::string changed = kPublicDomain;
    const std::string_view publicly = "\"AppNetworkAccessType\": \"PublicInternetOnly\"";
    changed.replace(changed.find(publicly), publicly.size(), "\"AppNetworkAccessType\": \"VpcOnly\"");
    dir.write("export/public.json", changed);
    const CliRun run = run_sagelint(dir, {"check", "--baseline", "sagelint-baseline.sarif", "--fail-on-new", "export"});
    CHECK(run.exit_code == 1);
    CHECK(run.out.find("[SMD016 vpc-only-security-groups]") != std::string::npos);  // VpcOnly without subnets
    CHECK(run.out.find("2 errors in 2 files; 2 new since the baseline, 1 of its findings gone\n") != std::string::npos);
    const CliRun json =
        run_sagelint(dir, {"check", "--baseline", "sagelint-baseline.sarif", "--format", "json", "export"});
    CHECK(json.out.find("\"ruleId\": \"SMD015\",\n      \"level\": \"warning\"") != std::string::npos);
    CHECK(json.out.find("\"baselineState\": \"absent\"") != std::string::npos);
    CHECK(json.out.find("\"baselineState\": \"new\"") != std::string::npos);
  }
  SUBCASE("--fail-on-new counts only new findings at or above --fail-on") {
    dir.write("export/extra.json", R"({"DomainId": "d-1", "UserProfileName": "team",
      "UserProfileArn": "arn:aws:sagemaker:eu-west-1:111122223333:user-profile/d-1/team", "Tags": []})");
    const CliRun warning =
        run_sagelint(dir, {"check", "--baseline", "sagelint-baseline.sarif", "--fail-on-new", "export"});
    CHECK(warning.exit_code == 1);  // the generic profile name is a new warning
    CHECK(warning.out.find("team") != std::string::npos);
    const CliRun none = run_sagelint(dir, {"check", "--baseline", "sagelint-baseline.sarif", "--fail-on-new",
                                           "--fail-on", "none", "export"});
    CHECK(none.exit_code == 0);
  }
}

TEST_CASE("baseline: a broken or foreign baseline is a usage error with its position, --fail-on-new needs one") {
  TempDir dir;
  dir.write("export/clean.json", kCleanDomain);
  dir.write("broken.sarif", "{\n  \"runs\": [\n    {\"tool\": 1,\n");
  const CliRun broken = run_sagelint(dir, {"check", "--baseline", "broken.sarif", "export"});
  CHECK(broken.exit_code == 2);
  CHECK(broken.err.find("sagelint: error: --baseline: broken.sarif:4:1: ") != std::string::npos);
  CHECK(broken.out.empty());

  dir.write("other.sarif",
            R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "CodeQL"}}, "results": []}]})");
  const CliRun other = run_sagelint(dir, {"check", "--baseline", "other.sarif", "export"});
  CHECK(other.exit_code == 2);
  CHECK(other.err.find("other.sarif:1:52: not a sagelint log") != std::string::npos);

  const CliRun missing = run_sagelint(dir, {"check", "--baseline", "missing.sarif", "export"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("missing.sarif: cannot read the baseline") != std::string::npos);

  const CliRun alone = run_sagelint(dir, {"check", "--fail-on-new", "export"});
  CHECK(alone.exit_code == 2);
  CHECK(alone.err.find("--fail-on-new needs --baseline FILE") != std::string::npos);
}

TEST_CASE("a waiver that justifies nothing is reported at its place in the configuration, in text and SARIF") {
  TempDir dir;
  dir.write("d.json", R"({"DomainId": "d-9", "DomainName": "research-sandbox", "AuthMode": "SSO",
                          "AppNetworkAccessType": "VpcOnly", "SubnetIds": ["subnet-1"]})");
  dir.write(".sagelint.json", R"({
  "waivers": [
    {"rule": "SMD015", "resource": "research-*", "reason": "public datasets only, SEC-1187", "owner": "jdoe"}
  ]
})");
  const CliRun text = run_sagelint(dir, {"check", "--select", "SMD015,SMD037", "--color", "never", "d.json"});
  CHECK(text.exit_code == 1);
  CHECK(text.out.starts_with(".sagelint.json:3:14: warning: the waiver of SMD015 for 'research-*' justifies nothing: "
                             "it matches domain 'research-sandbox', but no finding about it; remove it "
                             "[SMD037 justification-unused]\n"));
  const CliRun sarif = run_sagelint(dir, {"check", "--select", "SMD015,SMD037", "--format", "sarif", "d.json"});
  CHECK(sarif.exit_code == 1);
  CHECK(sarif.out.find(R"("uri": ".sagelint.json")") != std::string::npos);
  CHECK(sarif.out.find(R"("fullyQualifiedName": "/waivers/0/rule")") != std::string::npos);
}

TEST_CASE("a very long line is shown as a window around the span, the caret under it") {
  TempDir dir;
  const std::string padding(100000, 'a');
  dir.write("d.json", "{\"DomainId\": \"d-9\", \"DomainName\": \"x\", \"AuthMode\": \"SSO\", \"Padding\": \"" + padding +
                          "\", \"AppNetworkAccessType\": \"PublicInternetOnly\", \"More\": \"" + padding + "\"}\n");
  dir.write("deep.json", std::string(100000, '['));
  const CliRun run = run_sagelint(dir, {"check", "--no-config", "--select", "SMD015", "--color", "never", "d.json"});
  CHECK(run.exit_code == 1);
  const CliRun deep = run_sagelint(dir, {"check", "--no-config", "--color", "never", "deep.json"});
  CHECK(deep.exit_code == 2);
  const std::vector<std::pair<std::string, std::string>> outputs = {{run.out, "\"PublicInternetOnly\""},
                                                                     {deep.err, "["}};
  for (const auto& [output, span_start] : outputs) {
    std::istringstream lines(output);
    std::vector<std::string> frame;
    for (std::string line; std::getline(lines, line);) {
      CHECK(line.size() < 400);
      if (line.starts_with(" 1 | ") || line.starts_with("   | ")) frame.push_back(line);
    }
    REQUIRE(frame.size() == 2);
    CHECK(frame[0].find("…") != std::string::npos);
    // The caret line is ASCII, so the caret's byte offset is its column: the shown line,
    // walked that many code points ("…" is one), reaches the span.
    const size_t caret = frame[1].find('^');
    REQUIRE(caret != std::string::npos);
    size_t at = 0;
    for (size_t column = 0; at < frame[0].size() && column < caret; ++column) {
      do ++at;
      while (at < frame[0].size() && (static_cast<unsigned char>(frame[0][at]) & 0xC0) == 0x80);
    }
    CHECK(frame[0].substr(at).starts_with(span_start));
  }
}

TEST_CASE("control characters from the inputs reach the terminal escaped") {
  TempDir dir;
  dir.write("d.json", "{\"DomainId\": \"d-9\", \"DomainName\": \"x\\u001b[2J\\u0007y\", \"AuthMode\": \"SSO\",\n"
                      " \"AppNetworkAccessType\": \"PublicInternetOnly\",\n"
                      " \"Tags\": [{\"Key\": \"sagelint:justify:SMD015\", \"Value\": \"ok \\u001b]0;title\\u0007 for now\"}]}");
  const CliRun run = run_sagelint(dir, {"check", "--no-config", "--show-suppressed", "--color", "never", "d.json"});
  CHECK(run.out.find('\x1b') == std::string::npos);
  CHECK(run.out.find('\a') == std::string::npos);
  CHECK(run.out.find("domain 'x\\x1b[2J\\x07y'") != std::string::npos);
  CHECK(run.out.find("ok \\x1b]0;title\\x07 for now") != std::string::npos);
}

TEST_CASE("a line break in a name cannot start a line of the text output, where it would read as a finding") {
  TempDir dir;
  dir.write("d.json", "{\"DomainId\": \"d-9\", \"DomainName\": \"x\\nd.json:1:1: error: forged [SMD999 forged]\",\n"
                      " \"AuthMode\": \"SSO\", \"AppNetworkAccessType\": \"PublicInternetOnly\"}");
  const CliRun run = run_sagelint(dir, {"check", "--no-config", "--color", "never", "d.json"});
  CHECK(run.out.find("\nd.json:1:1: error: forged") == std::string::npos);
  CHECK(run.out.find("domain 'x\\x0ad.json:1:1: error: forged [SMD999 forged]'") != std::string::npos);
  // The other reports quote the name the same way, so it reads the same everywhere.
  const CliRun sarif = run_sagelint(dir, {"check", "--no-config", "--format", "sarif", "d.json"});
  CHECK(sarif.out.find("domain 'x\\\\x0ad.json:1:1") != std::string::npos);
}

// JSONTestSuite through the command line, as a user meets it: every n_ case is an input that
// could not be read, with its position, and exit 2; every y_ case loads; no i_ case crashes.
// The loader's own conformance test is in json_loader_test.cpp. Skipped, and said so by
// doctest, when the suite is not beside the checkout.
namespace {
const std::filesystem::path kJsonTestSuite =
    std::filesystem::path(SAGELINT_SHARED_DIR) / "suites" / "JSONTestSuite" / "test_parsing";
const bool kJsonTestSuiteAvailable = std::filesystem::is_directory(kJsonTestSuite);
}  // namespace

TEST_CASE("JSONTestSuite: sagelint check rejects every n_ case with its position and exit 2, loads every y_ case" *
          doctest::skip(!kJsonTestSuiteAvailable)) {
  TempDir dir;
  const CliRun run = run_sagelint(dir, {"check", "--no-config", "--format", "json", "--fail-on", "none",
                                        kJsonTestSuite.string()});
  CHECK(run.exit_code == 2);
  rapidjson::Document report;
  report.Parse(run.out.c_str(), run.out.size());
  REQUIRE_FALSE(report.HasParseError());
  std::map<std::string, int> unreadable;  // file name: findings that it could not be read
  for (const rapidjson::Value& finding : report["findings"].GetArray()) {
    // Not a duplicate key, which y_object_duplicated_key has: the file loads, and SMD000 says
    // AWS would use one of the two values.
    if (!finding.HasMember("unreadableInput") || !finding["unreadableInput"].GetBool()) continue;
    const std::string name = std::filesystem::path(finding["file"].GetString()).filename().string();
    CAPTURE(name);
    CHECK(finding["line"].GetInt() >= 1);
    CHECK(finding["column"].GetInt() >= 1);
    CHECK(std::string_view(finding["message"].GetString()).size() > 10);
    ++unreadable[name];
  }
  size_t rejected = 0, accepted = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kJsonTestSuite)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".json") continue;
    CAPTURE(name);
    if (name.starts_with("n_")) {
      CHECK(unreadable[name] == 1);
      CHECK(run.err.find(name + ":") != std::string::npos);  // path:line:column: error: …
      ++rejected;
    } else if (name.starts_with("y_")) {
      CHECK(unreadable.count(name) == 0);
      ++accepted;
    }
  }
  CHECK(rejected > 150);
  CHECK(accepted > 90);
}

TEST_CASE("inputs are only read: every file is byte for byte and time for time as it was after every command") {
  TempDir dir;
  const std::filesystem::path inputs = dir.path() / "inputs";
  std::filesystem::copy(std::filesystem::path(SAGELINT_SOURCE_DIR) / "fixtures", inputs,
                        std::filesystem::copy_options::recursive);
  struct Snapshot {
    std::string bytes;
    std::filesystem::file_time_type modified;
  };
  const auto snapshot = [&] {
    std::map<std::string, Snapshot> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(inputs)) {
      if (entry.is_regular_file()) files[entry.path().string()] = {read_file(entry.path()), entry.last_write_time()};
    }
    return files;
  };
  const std::map<std::string, Snapshot> before = snapshot();
  REQUIRE(before.size() > 100);
  for (const std::string format : {"text", "sarif", "json", "junit", "github"}) {
    CHECK(run_sagelint(dir, {"check", "--no-config", "-f", format, "inputs"}).exit_code == 2);
  }
  CHECK(run_sagelint(dir, {"baseline", "--no-config", "-o", "base.sarif", "inputs"}).exit_code == 2);
  CHECK(run_sagelint(dir, {"check", "--no-config", "--baseline", "base.sarif", "inputs"}).exit_code == 2);
  CHECK(run_sagelint(dir, {"report", "--no-config", "-o", "r.html", "inputs"}).exit_code == 2);
  const std::map<std::string, Snapshot> after = snapshot();
  REQUIRE(after.size() == before.size());
  for (const auto& [path, was] : before) {
    CAPTURE(path);
    REQUIRE(after.count(path) == 1);
    CHECK(after.at(path).bytes == was.bytes);
    CHECK(after.at(path).modified == was.modified);
  }
}

TEST_CASE("each limit flag changes its limit, and meeting it names the flag and fails the run") {
  TempDir dir;
  const std::string domain = R"({"DomainId": "d-1", "DomainName": "x", "AuthMode": "IAM",
    "AppNetworkAccessType": "PublicInternetOnly", "Tags": [{"Key": "a", "Value": [[1]]}]})";
  dir.write("a.json", domain);
  dir.write("b.json", domain);
  const auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"check", "--no-config"});
    return run_sagelint(dir, args);
  };
  const CliRun depth = run({"--max-depth", "2", "a.json"});
  CHECK(depth.exit_code == 2);
  CHECK(depth.err.find("a.json:2:") != std::string::npos);
  CHECK(depth.err.find("error: nesting deeper than 2 levels (--max-depth)") != std::string::npos);
  const CliRun size = run({"--max-file-size", "10", "a.json", "b.json"});
  CHECK(size.exit_code == 2);
  CHECK(size.err.find("a.json:1:1: error: the file is larger than 10 bytes") != std::string::npos);
  CHECK(size.err.find("(--max-file-size)") != std::string::npos);
  CHECK(run({"--max-file-size", "1K", "a.json"}).exit_code == 1);  // findings, and read whole
  const CliRun string = run({"--max-string-length", "2", "a.json"});
  CHECK(string.exit_code == 2);
  CHECK(string.err.find("longer than 2 bytes (--max-string-length)") != std::string::npos);
  const CliRun files = run({"--max-files", "1", "a.json", "b.json"});
  CHECK(files.exit_code == 2);
  CHECK(files.err.find("error: more than 1 file to read; only the first was read (--max-files)") != std::string::npos);
  CHECK(files.out.find("incomplete: a limit was reached (see above)") != std::string::npos);
  CHECK(files.out.find("could not be read") == std::string::npos);  // no input failed
  const CliRun findings = run({"--max-findings", "1", "a.json"});
  CHECK(findings.exit_code == 2);
  CHECK(findings.err.find("only the first is reported and the run fails (--max-findings)") != std::string::npos);
  CHECK(std::count(findings.out.begin(), findings.out.end(), '[') == 1);  // one finding, one "[SMD… name]"
  CHECK(findings.out.find("incomplete: a limit was reached (see above)") != std::string::npos);
  const CliRun bad = run({"--max-file-size", "10X", "a.json"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--max-file-size must be") != std::string::npos);
}
