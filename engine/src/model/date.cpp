#include "orgraph/model/date.hpp"

#include <fmt/format.h>
#include <charconv>

namespace orgraph {
namespace {

bool parse_number(std::string_view text, int& out) {
    if (text.empty()) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && end == text.data() + text.size();
}

bool leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && leap(year) ? 29 : days[month - 1];
}

}  // namespace

std::optional<Date> Date::parse(std::string_view text) {
    int year = 0, month = 0, day = 0;
    if (text.size() < 4 || !parse_number(text.substr(0, 4), year)) return std::nullopt;
    if (text.size() == 4) return Date{year, 0, 0};
    if (text.size() < 7 || text[4] != '-' || !parse_number(text.substr(5, 2), month)) return std::nullopt;
    if (month < 1 || month > 12) return std::nullopt;
    if (text.size() == 7) return Date{year, month, 0};
    if (text.size() != 10 || text[7] != '-' || !parse_number(text.substr(8, 2), day)) return std::nullopt;
    if (day < 1 || day > days_in_month(year, month)) return std::nullopt;
    return Date{year, month, day};
}

std::optional<Date> Date::parse_end(std::string_view text) {
    if (text == "unknown") return unknown();
    return parse(text);
}

std::string Date::to_string() const {
    if (is_unknown()) return "unknown";
    const int y = year, m = month, d = day;
    if (m == 0) return fmt::format("{:04}", y);
    if (d == 0) return fmt::format("{:04}-{:02}", y, m);
    return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

Date Date::first_day() const {
    if (is_unknown()) return *this;
    return {year, month == 0 ? 1 : static_cast<int>(month), day == 0 ? 1 : static_cast<int>(day)};
}

Date Date::last_day() const {
    if (is_unknown()) return *this;
    const int m = month == 0 ? 12 : month;
    return {year, m, day == 0 ? days_in_month(year, m) : static_cast<int>(day)};
}

bool Validity::holds_on(const Date& date, bool present) const {
    const Date day = date.first_day();
    if (from && day < from->first_day()) return false;
    if (to && to->is_unknown()) return !present;
    if (to && day > to->last_day()) return false;
    return true;
}

bool Validity::uncertain_on(const Date& date, bool present) const {
    return end_unknown() && holds_on(date, present);
}

std::optional<Date> Date::next_day() const {
    if (is_unknown()) return std::nullopt;
    const Date d = last_day();
    if (d.day < days_in_month(d.year, d.month)) return Date{d.year, d.month, d.day + 1};
    if (d.month < 12) return Date{d.year, d.month + 1, 1};
    if (d.year >= 9999) return std::nullopt;
    return Date{d.year + 1, 1, 1};
}

}  // namespace orgraph
