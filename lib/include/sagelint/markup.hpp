// Text from the inputs is untrusted: names, tag values, justifications and messages that
// quote them are escaped for the medium they are written into, so that they always show as
// the text they are and never as markup, links or terminal control sequences.
#pragma once

#include <string>
#include <string_view>

namespace sagelint {

// Control characters (C0 but tab, DEL, C1) as visible escapes "\x1b", "\x0a", "\u009b";
// invalid UTF-8 as U+FFFD. For text written to a terminal or a log, one line per message.
std::string printable(std::string_view text);

// For HTML text and attribute values: & < > " ' as character references, besides `printable`.
std::string html_escaped(std::string_view text);

// For Markdown (CommonMark and GitHub's tables): ASCII punctuation that could start markup,
// a link or an autolink is backslash-escaped, '|' too (table cells), besides `printable`
// (which also keeps newlines out of table rows).
std::string markdown_escaped(std::string_view text);

}  // namespace sagelint
