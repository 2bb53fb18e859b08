#pragma once
// Calendar dates of varying precision (a year, a month or a day), as sources give them.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace orgraph {

// Four bytes, as graphs hold two per relation by the million; parse() admits years 0 to 9999.
struct Date {
    std::int16_t year = 0;
    std::int8_t month = 0;  // 0: only the year is known
    std::int8_t day = 0;    // 0: only the year and month are known

    constexpr Date() = default;
    constexpr Date(int y, int m, int d)
        : year(static_cast<std::int16_t>(y)), month(static_cast<std::int8_t>(m)), day(static_cast<std::int8_t>(d)) {}

    // Accepts YYYY, YYYY-MM and YYYY-MM-DD; rejects impossible months and days.
    static std::optional<Date> parse(std::string_view text);

    [[nodiscard]] std::string to_string() const;
    // The first and the last day of the period the date stands for.
    [[nodiscard]] Date first_day() const;
    [[nodiscard]] Date last_day() const;

    auto operator<=>(const Date&) const = default;
};

// When a fact holds. Both ends are inclusive at the precision given: valid_to = 2023 means the
// fact may still hold on 2023-12-31.
struct Validity {
    std::optional<Date> from;
    std::optional<Date> to;

    [[nodiscard]] bool holds_on(const Date& date) const;
    [[nodiscard]] bool bounded() const { return from.has_value() || to.has_value(); }
};

}  // namespace orgraph
