// Byte offsets to the line and column a user reads: line breaks, byte-order marks and
// columns in UTF-16 code units, as SARIF viewers and editors count them.
#include <doctest/doctest.h>

#include <string>

#include "sagelint/source_file.hpp"

using namespace sagelint;

namespace {

SourceFile file_of(std::string text) { return SourceFile("x.json", "/x.json", std::move(text)); }

// "line:column", the way a user reads a position.
std::string at(const SourceFile& file, uint32_t offset) {
  const Position p = file.position(offset);
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

std::string span(const SourceFile& file, uint32_t begin, uint32_t end) {
  const Region r = file.region(begin, end);
  return std::to_string(r.begin.line) + ":" + std::to_string(r.begin.column) + "-" + std::to_string(r.end.line) +
         ":" + std::to_string(r.end.column);
}

}  // namespace

TEST_CASE("lines end at a line feed, a carriage return followed by a line feed, or a carriage return alone") {
  SUBCASE("line feeds") {
    const SourceFile file = file_of("ab\ncd\n");
    CHECK(file.line_count() == 3);
    CHECK(at(file, 0) == "1:1");
    CHECK(at(file, 2) == "1:3");  // the line feed itself ends line 1
    CHECK(at(file, 3) == "2:1");
    CHECK(at(file, 4) == "2:2");
    CHECK(at(file, 6) == "3:1");
    CHECK(file.line_text(1) == "ab");
    CHECK(file.line_text(2) == "cd");
    CHECK(file.line_text(3) == "");
  }
  SUBCASE("carriage return and line feed count as one break") {
    const SourceFile file = file_of("ab\r\ncd");
    CHECK(file.line_count() == 2);
    CHECK(at(file, 2) == "1:3");
    CHECK(at(file, 3) == "1:4");  // the line feed of the pair is still on line 1
    CHECK(at(file, 4) == "2:1");
    CHECK(file.line_start(2) == 4);
    CHECK(file.line_text(1) == "ab");
    CHECK(file.line_text(2) == "cd");
  }
  SUBCASE("a lone carriage return breaks the line") {
    const SourceFile file = file_of("ab\rcd\r");
    CHECK(file.line_count() == 3);
    CHECK(at(file, 3) == "2:1");
    CHECK(at(file, 4) == "2:2");
    CHECK(at(file, 6) == "3:1");
    CHECK(file.line_text(1) == "ab");
    CHECK(file.line_text(2) == "cd");
  }
  SUBCASE("mixed line endings in one file") {
    const SourceFile file = file_of("a\r\nb\rc\nd");
    CHECK(file.line_count() == 4);
    CHECK(file.line_start(1) == 0);
    CHECK(file.line_start(2) == 3);
    CHECK(file.line_start(3) == 5);
    CHECK(file.line_start(4) == 7);
    CHECK(at(file, 3) == "2:1");
    CHECK(at(file, 5) == "3:1");
    CHECK(at(file, 7) == "4:1");
    CHECK(file.line_text(1) == "a");
    CHECK(file.line_text(2) == "b");
    CHECK(file.line_text(3) == "c");
    CHECK(file.line_text(4) == "d");
  }
  SUBCASE("a carriage return before a CRLF pair makes an empty line") {
    const SourceFile file = file_of("a\r\r\nb");
    CHECK(file.line_count() == 3);
    CHECK(file.line_text(2) == "");
    CHECK(at(file, 4) == "3:1");
  }
  SUBCASE("a line feed followed by a carriage return is two breaks") {
    const SourceFile file = file_of("a\n\rb");
    CHECK(file.line_count() == 3);
    CHECK(file.line_text(2) == "");
    CHECK(at(file, 3) == "3:1");
  }
  SUBCASE("a file without a line break is one line") {
    const SourceFile file = file_of("{}");
    CHECK(file.line_count() == 1);
    CHECK(file.line_text(1) == "{}");
  }
  SUBCASE("an empty file has one empty line") {
    const SourceFile file = file_of("");
    CHECK(file.line_count() == 1);
    CHECK(file.line_text(1) == "");
    CHECK(at(file, 0) == "1:1");
  }
}

TEST_CASE("a file with many lone carriage returns is indexed line by line") {
  // Classic Mac line endings; the index used to rescan the rest of the file for a line
  // feed on every line, which made such files quadratic.
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "x\r";
  const SourceFile file = file_of(text);
  CHECK(file.line_count() == 200001);
  CHECK(file.line_text(123456) == "x");
  CHECK(at(file, 2 * 123455 + 1) == "123456:2");
}

TEST_CASE("line text of a line that does not exist is empty") {
  const SourceFile file = file_of("a\nb");
  CHECK(file.line_text(0) == "");
  CHECK(file.line_text(3) == "");
}

TEST_CASE("a UTF-8 byte-order mark takes no column on line 1") {
  const SourceFile file = file_of("\xEF\xBB\xBF{\"a\": 1}\n{}");
  CHECK(file.has_utf8_bom());
  CHECK(at(file, 0) == "1:1");
  CHECK(at(file, 3) == "1:1");  // the '{' right after the mark
  CHECK(at(file, 4) == "1:2");
  CHECK(at(file, 9) == "1:7");
  CHECK(file.line_text(1) == "{\"a\": 1}");
  CHECK(at(file, 12) == "2:1");
  CHECK(file.line_text(2) == "{}");
}

TEST_CASE("a byte-order mark after the start of the file is an ordinary character") {
  const SourceFile file = file_of("a\n\xEF\xBB\xBF" "b");
  CHECK_FALSE(file.has_utf8_bom());
  CHECK(at(file, 5) == "2:2");
  CHECK(file.line_text(2) == "\xEF\xBB\xBF" "b");
}

TEST_CASE("columns count UTF-16 code units") {
  // é is 2 bytes and 1 unit, € is 3 bytes and 1 unit, 😀 is 4 bytes and 2 units.
  const SourceFile file = file_of("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80x\n\xF0\x9F\x98\x80y");
  CHECK(at(file, 0) == "1:1");
  CHECK(at(file, 2) == "1:2");  // after é
  CHECK(at(file, 5) == "1:3");  // after €
  CHECK(at(file, 9) == "1:5");  // after 😀
  CHECK(at(file, 10) == "1:6");
  CHECK(at(file, 15) == "2:3");  // on a later line, after another 😀
  CHECK(span(file, 2, 9) == "1:2-1:5");
}

TEST_CASE("a tab takes one column") {
  const SourceFile file = file_of("\t\tx\t");
  CHECK(at(file, 2) == "1:3");
  CHECK(at(file, 4) == "1:5");
}

TEST_CASE("offsets at or past the end of the file give the position after the last character") {
  SUBCASE("after a last line without a break") {
    const SourceFile file = file_of("ab\ncd");
    CHECK(at(file, 5) == "2:3");
    CHECK(at(file, 500) == "2:3");
  }
  SUBCASE("after a final line break") {
    const SourceFile file = file_of("ab\n");
    CHECK(at(file, 3) == "2:1");
    CHECK(at(file, 4) == "2:1");
  }
  SUBCASE("after a final lone carriage return") {
    const SourceFile file = file_of("ab\r");
    CHECK(file.line_count() == 2);
    CHECK(at(file, 3) == "2:1");
  }
}

TEST_CASE("a region's end is exclusive and never before its begin") {
  const SourceFile file = file_of("{\n  \"a\": 1\n}");
  CHECK(span(file, 4, 7) == "2:3-2:6");      // "a" with its quotes
  CHECK(span(file, 0, 12) == "1:1-3:2");     // the whole object
  CHECK(span(file, 9, 9) == "2:8-2:8");      // an empty region
  CHECK(span(file, 9, 3) == "2:8-2:8");      // a reversed one collapses to its begin
}

TEST_CASE("bytes that are not valid UTF-8 count one UTF-16 unit each") {
  CHECK(utf16_length("") == 0);
  CHECK(utf16_length("abc") == 3);
  CHECK(utf16_length("\xC3\xA9") == 1);
  CHECK(utf16_length("\xE2\x82\xAC") == 1);
  CHECK(utf16_length("\xF0\x9F\x98\x80") == 2);
  SUBCASE("a byte that never occurs in UTF-8") {
    CHECK(utf16_length("a\xFF" "b") == 3);
  }
  SUBCASE("a lone continuation byte") {
    CHECK(utf16_length("\x80") == 1);
  }
  SUBCASE("a truncated sequence at the end") {
    CHECK(utf16_length("\xF0\x9F\x98") == 3);
    CHECK(utf16_length("\xE2\x82") == 2);
  }
  SUBCASE("a truncated sequence before ASCII") {
    CHECK(utf16_length("\xC3x") == 2);
  }
  SUBCASE("an overlong encoding") {
    CHECK(utf16_length("\xC0\xAF") == 2);
    CHECK(utf16_length("\xE0\x80\xAF") == 3);
  }
  SUBCASE("an encoded UTF-16 surrogate") {
    CHECK(utf16_length("\xED\xA0\x80") == 3);
  }
  SUBCASE("a code point above U+10FFFF") {
    CHECK(utf16_length("\xF4\x90\x80\x80") == 4);
  }
  SUBCASE("the largest code point is still two units") {
    CHECK(utf16_length("\xF4\x8F\xBF\xBF") == 2);
  }
}

TEST_CASE("a position after an invalid byte counts that byte as one column") {
  const SourceFile file = file_of("\"\xFF\xC3\xA9\"");
  CHECK(at(file, 2) == "1:3");
  CHECK(at(file, 4) == "1:4");
}

TEST_CASE("columns on a line longer than 4 KiB are the ones counted from the line's start") {
  // Long lines are counted from marks every 4 KiB: the marks must fall between characters,
  // whatever mix of 1- to 4-byte sequences, BOM and invalid bytes comes before them.
  std::string line = "\xEF\xBB\xBF";
  const std::string pieces[] = {"a", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xFF", "\x80", "\xE2\x82"};
  for (size_t i = 0; line.size() < 40'000; ++i) line += pieces[(i * 7 + i / 3) % 7];
  const std::string text = "first\n" + line + "\nlast";
  const SourceFile file("f", "/f", text);
  const uint32_t start = 6;
  for (uint32_t offset = start; offset < start + line.size(); offset += 97) {
    CAPTURE(offset);
    CHECK(file.position(offset) == Position{2, utf16_length(text.substr(start, offset - start)) + 1});
  }
  const SourceFile first_line("g", "/g", line);  // the BOM takes no column
  for (uint32_t offset = 3; offset < line.size(); offset += 101) {
    CAPTURE(offset);
    CHECK(first_line.position(offset) == Position{1, utf16_length(line.substr(3, offset - 3)) + 1});
  }
}
