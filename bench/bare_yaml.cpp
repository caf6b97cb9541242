// The baseline for templates: every event libyaml's parser produces for a file, and nothing
// built from them; what sagelint's YAML loader costs beyond the parser is measured against it.
//
//   bare_yaml FILE.yaml
#include <yaml.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: bare_yaml FILE.yaml\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  size_t events = 0;
  for (bool done = false; !done;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      std::cerr << "bare_yaml: " << (parser.problem ? parser.problem : "parse error") << "\n";
      yaml_parser_delete(&parser);
      return 1;
    }
    done = event.type == YAML_STREAM_END_EVENT;
    ++events;
    yaml_event_delete(&event);
  }
  yaml_parser_delete(&parser);
  std::printf("%zu events\n", events);
  return 0;
}
