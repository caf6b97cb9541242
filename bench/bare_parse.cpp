// bare_parse: the benchmark's baseline. Reads the files it is given (for a directory, every
// *.json below it) and parses each with RapidJSON and nothing else, so that bench/run.sh can
// compare a sagelint run with what reading and parsing the same bytes costs on its own.
//
//   bare_parse PATH...                  a DOM per file: rapidjson::Document::Parse, default flags
//   bare_parse --sax-iterative PATH...  rapidjson::Reader with a handler that does nothing, and the
//                                       flags sagelint's loader uses (iterative, validating UTF-8)
//
// Prints the number of files and bytes; exits 1 when a file cannot be read or parsed.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;

namespace {

enum class Mode { dom, sax_iterative };

// The files sagelint would read for the same paths: *.json below directories, hidden
// directories skipped, in sorted order; files named explicitly whatever their extension.
bool collect(const fs::path& path, std::vector<fs::path>& files) {
  std::error_code error;
  if (!fs::is_directory(path, error)) {
    files.push_back(path);
    return true;
  }
  std::vector<fs::path> found;
  for (auto it = fs::recursive_directory_iterator(path, error); !error && it != fs::end(it); it.increment(error)) {
    if (it->is_directory(error)) {
      if (it->path().filename().string().starts_with(".")) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(error) && it->path().extension() == ".json") found.push_back(it->path());
  }
  if (error) {
    std::fprintf(stderr, "bare_parse: %s: %s\n", path.c_str(), error.message().c_str());
    return false;
  }
  std::sort(found.begin(), found.end());
  files.insert(files.end(), found.begin(), found.end());
  return true;
}

// The whole file in one read, as the leanest reader would do it.
std::optional<std::string> read_file(const fs::path& path) {
  std::error_code error;
  const uintmax_t size = fs::file_size(path, error);
  if (error) return std::nullopt;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return std::nullopt;
  std::string text(size, '\0');
  const size_t read = std::fread(text.data(), 1, text.size(), file);
  std::fclose(file);
  if (read != text.size()) return std::nullopt;
  return text;
}

rapidjson::ParseResult parse_dom(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.data(), text.size());
  return rapidjson::ParseResult(document.GetParseError(), document.GetErrorOffset());
}

rapidjson::ParseResult parse_sax_iterative(const std::string& text) {
  rapidjson::BaseReaderHandler<> ignore_everything;
  rapidjson::Reader reader;
  rapidjson::StringStream stream(text.c_str());
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;
  return reader.Parse<kFlags>(stream, ignore_everything);
}

int run(Mode mode, const std::vector<fs::path>& paths) {
  std::vector<fs::path> files;
  for (const fs::path& path : paths) {
    if (!collect(path, files)) return 1;
  }
  uintmax_t bytes = 0;
  for (const fs::path& file : files) {
    const std::optional<std::string> text = read_file(file);
    if (!text) {
      std::fprintf(stderr, "bare_parse: cannot read %s\n", file.c_str());
      return 1;
    }
    const rapidjson::ParseResult parsed = mode == Mode::dom ? parse_dom(*text) : parse_sax_iterative(*text);
    if (parsed.IsError()) {
      std::fprintf(stderr, "bare_parse: %s: offset %zu: %s\n", file.c_str(), parsed.Offset(),
                   rapidjson::GetParseError_En(parsed.Code()));
      return 1;
    }
    bytes += text->size();
  }
  std::printf("%zu files, %ju bytes\n", files.size(), bytes);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Mode mode = Mode::dom;
  std::vector<fs::path> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--sax-iterative") {
      mode = Mode::sax_iterative;
    } else if (arg.starts_with("-")) {
      std::fprintf(stderr, "bare_parse: unknown option %s\nusage: bare_parse [--sax-iterative] PATH...\n", argv[i]);
      return 2;
    } else {
      paths.emplace_back(arg);
    }
  }
  if (paths.empty()) {
    std::fprintf(stderr, "usage: bare_parse [--sax-iterative] PATH...\n");
    return 2;
  }
  return run(mode, paths);
}
