// hcl_parse: how long the HCL loader takes on a large Terraform file, against reading the
// same file. Unlike bare_parse, it links the library: the parser is what it measures.
//
//   hcl_parse [--lines N] [--runs R] [--write PATH]   a synthetic file of about N lines
//                                                     (default 10,000), written to PATH
//                                                     (default: a temporary file)
//   hcl_parse [--runs R] FILE.tf                      an existing file
//
// Each step runs R times (default 50) after one warm-up; the medians are printed with their
// ratio to reading the file. Exits 1 when the file cannot be read or parsed.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sagelint/hcl_parser.hpp"

namespace fs = std::filesystem;
using sagelint::HclLoadResult;
using sagelint::SourceFile;

namespace {

// One unit of the synthetic configuration: the resources of a SageMaker domain as the
// corpus writes them (blocks, nested blocks, interpolations, conditionals, for expressions,
// splats, a flush heredoc, a dynamic block, function calls), about 60 lines.
std::string domain_unit(int i) {
  const std::string n = std::to_string(i);
  return "resource \"aws_sagemaker_domain\" \"domain_" + n + "\" {\n"
         "  domain_name             = \"studio-${var.env}-" + n + "\"\n"
         "  auth_mode               = \"IAM\"\n"
         "  vpc_id                  = aws_vpc.main.id\n"
         "  subnet_ids              = [for s in aws_subnet.private : s.id]\n"
         "  app_network_access_type = var.public ? \"PublicInternetOnly\" : \"VpcOnly\"\n"
         "  kms_key_id              = var.kms_key_id == \"\" ? null : var.kms_key_id\n"
         "\n"
         "  default_user_settings {\n"
         "    execution_role  = aws_iam_role.execution_" + n + ".arn\n"
         "    security_groups = aws_security_group.studio[*].id\n"
         "\n"
         "    jupyter_server_app_settings {\n"
         "      default_resource_spec {\n"
         "        instance_type = \"system\"\n"
         "      }\n"
         "    }\n"
         "  }\n"
         "\n"
         "  retention_policy {\n"
         "    home_efs_file_system = \"Delete\" # keep nothing\n"
         "  }\n"
         "\n"
         "  tags = merge(local.tags, {\n"
         "    Name  = \"studio-" + n + "\"\n"
         "    Owner = lookup(var.owners, \"" + n + "\", \"platform\")\n"
         "  })\n"
         "}\n"
         "\n"
         "resource \"aws_iam_role\" \"execution_" + n + "\" {\n"
         "  name               = \"sagemaker-execution-" + n + "\"\n"
         "  assume_role_policy = <<-EOT\n"
         "    {\n"
         "      \"Version\": \"2012-10-17\",\n"
         "      \"Statement\": [{\n"
         "        \"Effect\": \"Allow\",\n"
         "        \"Principal\": {\"Service\": \"sagemaker.amazonaws.com\"},\n"
         "        \"Action\": \"sts:AssumeRole\"\n"
         "      }]\n"
         "    }\n"
         "  EOT\n"
         "}\n"
         "\n"
         "resource \"aws_sagemaker_user_profile\" \"user_" + n + "\" {\n"
         "  for_each          = toset(var.users)\n"
         "  domain_id         = aws_sagemaker_domain.domain_" + n + ".id\n"
         "  user_profile_name = \"${each.key}-" + n + "\"\n"
         "\n"
         "  dynamic \"user_settings\" {\n"
         "    for_each = var.settings != null ? [var.settings] : []\n"
         "    content {\n"
         "      execution_role = user_settings.value.role\n"
         "      sharing_settings {\n"
         "        notebook_output_option = \"Disabled\"\n"
         "      }\n"
         "    }\n"
         "  }\n"
         "}\n"
         "\n";
}

std::string generate(size_t lines) {
  std::string text;
  size_t written = 0;
  for (int i = 0; written < lines; ++i) {
    const std::string unit = domain_unit(i);
    written += static_cast<size_t>(std::count(unit.begin(), unit.end(), '\n'));
    text += unit;
  }
  return text;
}

std::optional<std::string> read_file(const fs::path& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return std::nullopt;
  std::string text;
  char buffer[1 << 16];
  size_t read = 0;
  while ((read = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, read);
  const bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (failed) return std::nullopt;
  return text;
}

// The median of `runs` timings of `step`, in milliseconds, after one run to warm up.
double median_ms(int runs, const std::function<void()>& step) {
  step();
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    step();
    times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

int usage() {
  std::fprintf(stderr, "usage: hcl_parse [--lines N] [--runs R] [--write PATH] | hcl_parse [--runs R] FILE.tf\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  size_t lines = 10'000;
  int runs = 50;
  fs::path input;
  fs::path output = fs::temp_directory_path() / "sagelint-hcl-bench.tf";
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--lines" && has_value) lines = std::stoul(argv[++i]);
    else if (arg == "--runs" && has_value) runs = std::max(1, std::stoi(argv[++i]));
    else if (arg == "--write" && has_value) output = argv[++i];
    else if (!arg.starts_with("-") && input.empty()) input = arg;
    else return usage();
  }
  if (input.empty()) {
    std::ofstream out(output, std::ios::binary);
    const std::string text = generate(lines);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out) {
      std::fprintf(stderr, "hcl_parse: cannot write %s\n", output.c_str());
      return 1;
    }
    input = output;
  }

  std::optional<std::string> text = read_file(input);
  if (!text) {
    std::fprintf(stderr, "hcl_parse: cannot read %s\n", input.c_str());
    return 1;
  }
  const SourceFile file(input.string(), fs::absolute(input).string(), *text);
  const HclLoadResult checked = sagelint::load_hcl(file);
  if (checked.failure) {
    const sagelint::Position at = file.position(checked.failure->location.begin);
    std::fprintf(stderr, "hcl_parse: %s:%u:%u: %s\n", input.c_str(), at.line, at.column, checked.failure->message.c_str());
    return 1;
  }

  size_t sink = 0;  // results are used, so that no step is optimised away
  const double read_ms = median_ms(runs, [&] { sink += read_file(input)->size(); });
  const double index_ms = median_ms(runs, [&] {
    const SourceFile indexed(input.string(), input.string(), *text);
    sink += indexed.line_count();
  });
  const double parse_ms = median_ms(runs, [&] { sink += sagelint::load_hcl(file).file->node_count(); });

  const double megabytes = static_cast<double>(text->size()) / 1e6;
  std::printf("%s: %u lines, %zu bytes, %zu nodes; medians of %d runs\n", input.c_str(), file.line_count(),
              text->size(), checked.file->node_count(), runs);
  std::printf("  read the file          %8.3f ms   x%5.2f\n", read_ms, 1.0);
  std::printf("  copy + line index      %8.3f ms   x%5.2f\n", index_ms, index_ms / read_ms);
  std::printf("  load_hcl (parse)       %8.3f ms   x%5.2f   %.0f MB/s\n", parse_ms, parse_ms / read_ms,
              megabytes / (parse_ms / 1e3));
  return sink == 0 ? 1 : 0;
}
