// Directory walks over hostile trees (lib/inputs.cpp): link loops, unreadable files and
// directories, FIFOs, sockets and devices each get a clear diagnostic or are skipped with a
// reason, nothing hangs, and the other files' findings still appear.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "test_support.hpp"

using namespace sagelint;
using sagelint::testing::TempDir;
namespace fs = std::filesystem;

namespace {

std::string classic_domain(const std::string& id) {
  return R"({"DomainArn": "arn:aws:sagemaker:eu-west-1:111122223333:domain/)" + id + R"(", "DomainId": ")" + id +
         R"(", "DomainName": "ml-)" + id + R"(", "AuthMode": "IAM", "DefaultUserSettings": {"ExecutionRole": )"
         R"("arn:aws:iam::111122223333:role/ds", "DefaultLandingUri": "app:JupyterServer:", "StudioWebPortal": )"
         R"("ENABLED"}, "AppNetworkAccessType": "VpcOnly"})";
}

size_t smd007_count(const LintResult& result) {
  size_t count = 0;
  for (const Finding& finding : result.findings) count += finding.rule->id == std::string_view("SMD007") ? 1 : 0;
  return count;
}

LintResult lint_paths(const std::vector<std::string>& paths) { return lint(paths, all_rules(), RunOptions{}); }

// Every note and load failure, one per line, for messages in failed checks.
std::string diagnostics(const LintResult& result) {
  std::string out;
  for (const Diagnostic& d : result.model.load_failures) out += "failure: " + d.message + "\n";
  for (const Diagnostic& d : result.model.notes) out += "note: " + d.message + "\n";
  return out;
}

bool has_note(const LintResult& result, const std::string& text) {
  for (const Diagnostic& d : result.model.notes) {
    if (d.message.find(text) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("walk: link loops and dangling links are noted and the walk goes on past them") {
  TempDir dir;
  dir.write("tree/a.json", classic_domain("d-a"));
  dir.write("tree/z.json", classic_domain("d-z"));
  fs::create_directory_symlink(".", dir.path() / "tree" / "self");          // a directory loop
  fs::create_directory_symlink("..", dir.path() / "tree" / "parent");       // a loop through the parent
  fs::create_symlink("m2.json", dir.path() / "tree" / "m1.json");           // two links to each other
  fs::create_symlink("m1.json", dir.path() / "tree" / "m2.json");
  fs::create_symlink("nowhere.json", dir.path() / "tree" / "dangling.json");
  const LintResult result = lint_paths({dir.file("tree")});
  INFO(diagnostics(result));
  CHECK(result.inputs_failed() == 0);
  CHECK(result.files_read() == 2);
  CHECK(smd007_count(result) == 2);  // z.json, after the loops in sorted order, too
  CHECK(has_note(result, "tree/m1.json: skipped: Too many levels of symbolic links"));
  CHECK(has_note(result, "tree/m2.json: skipped: Too many levels of symbolic links"));
  CHECK(has_note(result, "tree/dangling.json: skipped: No such file or directory"));

  SUBCASE("a link loop named on the command line is an error that names it") {
    const LintResult named = lint_paths({dir.file("tree/m1.json"), dir.file("tree/a.json")});
    REQUIRE(named.model.load_failures.size() == 1);
    CHECK(named.model.load_failures[0].message == dir.file("tree/m1.json") + ": Too many levels of symbolic links");
    CHECK(smd007_count(named) == 1);
  }
}

TEST_CASE("walk: a file that cannot be read is an input error and the other files are still checked") {
  TempDir dir;
  dir.write("tree/a.json", classic_domain("d-a"));
  const std::string secret = dir.write("tree/secret.json", classic_domain("d-secret"));
  dir.write("tree/z.json", classic_domain("d-z"));
  fs::permissions(secret, fs::perms::none);
  if (::geteuid() == 0) {
    // Root reads a file whatever its mode, so the run cannot see the error; saying so is
    // better than a check that passes without testing anything.
    MESSAGE("running as root: chmod 000 does not stop reading, the unreadable-file checks are skipped");
    return;
  }
  const LintResult result = lint_paths({dir.file("tree")});
  INFO(diagnostics(result));
  REQUIRE(result.model.load_failures.size() == 1);
  const Diagnostic& failure = result.model.load_failures[0];
  CHECK(failure.message == "cannot read the file: Permission denied");
  REQUIRE(failure.location.file != nullptr);
  CHECK(failure.location.file->path().ends_with("tree/secret.json"));
  CHECK(smd007_count(result) == 2);
}

TEST_CASE("walk: a directory that cannot be read is skipped with a note and the others are walked") {
  TempDir dir;
  dir.write("tree/a.json", classic_domain("d-a"));
  dir.write("tree/locked/b.json", classic_domain("d-b"));
  dir.write("tree/z/c.json", classic_domain("d-c"));
  fs::permissions(dir.path() / "tree" / "locked", fs::perms::none);
  if (::geteuid() == 0) {
    MESSAGE("running as root: chmod 000 does not stop reading, the unreadable-directory checks are skipped");
    fs::permissions(dir.path() / "tree" / "locked", fs::perms::owner_all);
    return;
  }
  const LintResult result = lint_paths({dir.file("tree")});
  fs::permissions(dir.path() / "tree" / "locked", fs::perms::owner_all);  // so that TempDir can remove it
  INFO(diagnostics(result));
  CHECK(result.inputs_failed() == 0);
  CHECK(has_note(result, "tree/locked: skipped: cannot read the directory: Permission denied"));
  CHECK(smd007_count(result) == 2);
}

TEST_CASE("walk: FIFOs, sockets and devices are never read: skipped with a note when found, an error when named") {
  TempDir dir;
  dir.write("tree/a.json", classic_domain("d-a"));
  dir.write("tree/z.json", classic_domain("d-z"));
  // A FIFO nobody writes to: opening it for reading would block the run for ever.
  const std::string fifo = dir.file("tree/pipe.json");
  REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  // A socket bound to a path in the tree.
  const std::string socket_path = dir.file("tree/socket.json");
  const int listener = ::socket(AF_UNIX, SOCK_STREAM, 0);
  REQUIRE(listener >= 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  bool bound = false;
  if (socket_path.size() < sizeof address.sun_path) {
    socket_path.copy(address.sun_path, socket_path.size());
    bound = ::bind(listener, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  }
  // A link to a character device.
  fs::create_symlink("/dev/zero", dir.path() / "tree" / "zero.json");

  const LintResult result = lint_paths({dir.file("tree")});
  ::close(listener);
  INFO(diagnostics(result));
  CHECK(result.inputs_failed() == 0);
  CHECK(result.files_read() == 2);
  CHECK(smd007_count(result) == 2);
  CHECK(has_note(result, "tree/pipe.json: skipped: a FIFO, not a file"));
  CHECK(has_note(result, "tree/zero.json: skipped: a character device, not a file"));
  if (bound) {
    CHECK(has_note(result, "tree/socket.json: skipped: a socket, not a file"));
  } else {
    MESSAGE("the temporary directory's path is too long for a socket address; the socket check is skipped");
  }

  SUBCASE("named on the command line, each is an error and the files named beside it are checked") {
    const LintResult named = lint_paths({fifo, "/dev/zero", dir.file("tree/a.json")});
    INFO(diagnostics(named));
    REQUIRE(named.model.load_failures.size() == 2);
    CHECK(named.model.load_failures[0].message == "/dev/zero: a character device, not a file; not read");
    CHECK(named.model.load_failures[1].message == fifo + ": a FIFO, not a file; not read");
    CHECK(smd007_count(named) == 1);
  }
}
