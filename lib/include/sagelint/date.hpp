// Calendar dates as justifications write them (YYYY-MM-DD).
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace sagelint {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;
  friend auto operator<=>(const Date&, const Date&) = default;

  // A valid proleptic Gregorian date in exactly the form YYYY-MM-DD.
  static std::optional<Date> parse(std::string_view text);
  // Today's date in UTC.
  static Date today_utc();
  std::string to_string() const;
};

// Days from `from` to `to`: negative when `to` comes first.
int days_between(const Date& from, const Date& to);

}  // namespace sagelint
