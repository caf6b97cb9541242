// GitHub's primaryLocationLineHash. The first cases are codeql-action's own test vectors
// (src/fingerprints.test.ts, as listed in ../shared/research/sarif.md §9); the others pin
// what Node's UTF-8 decoding does to a BOM and to invalid bytes, which those vectors do not
// cover.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <random>

#include "sagelint/fingerprint.hpp"
#include "sagelint/source_file.hpp"

using sagelint::line_hashes;
using Hashes = std::vector<std::string>;

namespace {

std::string repeat(std::string_view text, size_t times) {
  std::string out;
  for (size_t i = 0; i < times; ++i) out += text;
  return out;
}

}  // namespace

TEST_CASE("an empty file has one line, with the hash of an empty line") {
  CHECK(line_hashes("") == Hashes{"c129715d7a2bc9a3:1"});
}

TEST_CASE("spaces and tabs do not count towards a line's hash") {
  CHECK(line_hashes(" a\nb\n  \t\tc\n d") ==
        Hashes{"271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"});
}

TEST_CASE("each line hashes the next 100 non-blank characters from its start") {
  CHECK(line_hashes(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End") ==
        Hashes{"8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1",
               "b86d3392aea1be30:1", "e6ceba753e1a442:1"});
}

TEST_CASE("CR, LF and CRLF are the same line break, and a final break adds an empty line") {
  const Hashes expected{"e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
                        "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"};
  SUBCASE("LF") { CHECK(line_hashes(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n") == expected); }
  SUBCASE("CR") { CHECK(line_hashes(" hello; \t\rworld!!!\r\r\r  \t\tGreetings\r End\r") == expected); }
  SUBCASE("CRLF") {
    CHECK(line_hashes(" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n") == expected);
  }
  SUBCASE("mixed") { CHECK(line_hashes(" hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n") == expected); }
}

TEST_CASE("a repeated hash is numbered by its occurrence") {
  CHECK(line_hashes(repeat("Lorem ipsum dolor sit amet.\n", 10)) ==
        Hashes{"a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4",
               "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1",
               "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"});
}

TEST_CASE("equal lines hash differently when what follows them differs") {
  CHECK(line_hashes("x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n") ==
        Hashes{"e54938cc54b302f1:1", "bb609acbe9138d60:1", "1131fd5871777f34:1", "5c482a0f8b35ea28:1",
               "54517377da7028d2:1", "2c644846cb18d53e:1", "f1b89f20de0d133:1", "c129715d7a2bc9a3:1"});
}

// The expected values below were computed with line_hashes() of
// ../shared/sarif/check_sarif.py (the verified Python port of codeql-action's hasher) on
// bytes.decode('utf-8', 'replace'); for the invalid input, that decoding was first checked
// to give the same code units as Node's Buffer.toString('utf8'), which upload-sarif uses.

TEST_CASE("a UTF-8 BOM is a character of the first line, as Node reads it") {
  CHECK(line_hashes("\xEF\xBB\xBF{\n  \"DomainName\": \"ml-platform\"\n}\n") ==
        Hashes{"b97e752161d2f36:1", "fac920380eec6fa6:1", "32dce9ccfdbc9d3e:1", "c129715d7a2bc9a3:1"});
  CHECK(line_hashes("\xEF\xBB\xBF\n") == Hashes{"1194fe0b62aa7e78:1", "c129715d7a2bc9a3:1"});
}

TEST_CASE("a character outside the BMP counts as two UTF-16 code units") {
  CHECK(line_hashes("{\"Name\": \"\xF0\x9F\x98\x80 data\"}\n") == Hashes{"f868e4e569f4f4eb:1", "c129715d7a2bc9a3:1"});
}

TEST_CASE("invalid UTF-8 becomes U+FFFD per maximal invalid subsequence, as in Node") {
  // A truncated sequence, an overlong lead, an encoded surrogate, stray bytes, a line break
  // inside a sequence, a code point above U+10FFFF and a sequence cut off by the end of file.
  const std::string text =
      "{\n"
      "\"a\": \"\xE2\x82" "a\",\r\n"
      "\"b\": \"\xF0\x80x\"\r"
      "\"c\": \"\xED\xA0\x80 y\",\n"
      "\xC0\xAF\xFF\n"
      "\"d\": \"\xE2\n"
      "\xF4\x90\x80\x80\",\n"
      "\"tail\": \"\xE2\x82";
  CHECK(line_hashes(text) == Hashes{"f1a9d604993e4af9:1", "7658f34ed8fd4550:1", "c8276fc02c713165:1",
                                    "7f5d172919091ca1:1", "6fd2da87cabcb69e:1", "e11b9b976ddffcd5:1",
                                    "d2dcbee66ca9ce5a:1", "fc06985cd4e658de:1"});
}

namespace {

// Byte offsets of the lines of `text`, as SourceFile indexes them.
std::vector<uint32_t> starts_of(std::string_view text) {
  const sagelint::SourceFile file("x", "/x", std::string(text));
  const auto starts = file.line_starts();
  return {starts.begin(), starts.end()};
}

// line_fingerprints for every line must equal the rolling hash over the whole text.
void check_direct_equals_rolling(std::string_view text) {
  const std::vector<uint32_t> starts = starts_of(text);
  std::vector<uint32_t> all(starts.size());
  for (uint32_t i = 0; i < all.size(); ++i) all[i] = i + 1;
  CHECK(sagelint::line_fingerprints(text, starts, all) == line_hashes(text));
}

}  // namespace

TEST_CASE("fingerprints of chosen lines equal GitHub's rolling hash over the whole file") {
  SUBCASE("the test vectors") {
    for (std::string_view text : {"", " a\nb\n  \t\tc\n d", " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End",
                                  " hello; \t\rworld!!!\r\r\r  \t\tGreetings\r End\r",
                                  " hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n",
                                  "x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n"}) {
      CAPTURE(text);
      check_direct_equals_rolling(text);
    }
    check_direct_equals_rolling(repeat("Lorem ipsum dolor sit amet.\n", 10));
  }
  SUBCASE("BOM, non-BMP characters, invalid bytes, blank lines and lines that repeat") {
    check_direct_equals_rolling("\xEF\xBB\xBF{\n  \"a\": \"\xF0\x9F\x98\x80\"\n}\n");
    check_direct_equals_rolling("a\xC3\n\xE2\x82\n\xF0\x9F\x98\n\xED\xA0\x80\n\xFF b\n \t \n\r\r\n\n");
    check_direct_equals_rolling(repeat("  \"AuthMode\": \"SSO\",\n", 50) + repeat("{}\n", 150));
  }
  SUBCASE("pseudo-random texts of the characters that matter") {
    std::mt19937 random(7);
    const std::vector<std::string> pieces{" ", "\t", "\n", "\r", "\r\n", "a", "b", "\"k\": 1,", "\xC3\xA9",
                                          "\xF0\x9F\x98\x80", "\xC3", "\xE2\x82", "}"};
    for (int round = 0; round < 200; ++round) {
      std::string text;
      const size_t length = random() % 400;
      for (size_t i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
      CAPTURE(round);
      check_direct_equals_rolling(text);
    }
  }
}

TEST_CASE("fingerprints are computed for the lines asked for, in the order asked") {
  const std::string text = "a\nb\na\nb\n";
  const std::vector<uint32_t> starts = starts_of(text);
  const std::vector<std::string> all = line_hashes(text);
  const std::vector<uint32_t> lines{3, 1, 4};
  CHECK(sagelint::line_fingerprints(text, starts, lines) == Hashes{all[2], all[0], all[3]});
}

TEST_CASE("a repeated window gets the occurrence number of its place among the lines asked or not") {
  const std::string text = repeat("Lorem ipsum dolor sit amet.\n", 10);
  const std::vector<uint32_t> lines{5};
  CHECK(sagelint::line_fingerprints(text, starts_of(text), lines) == Hashes{"a7f2ff13bc495cf2:5"});
}
