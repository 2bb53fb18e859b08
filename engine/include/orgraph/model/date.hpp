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
    // The end of a validity: a date as parse() reads it, or "unknown" (unknown()).
    static std::optional<Date> parse_end(std::string_view text);

    // A date known to exist that the source does not give (the coarsest precision: neither year,
    // month nor day): "closed, year not given". Only an end of validity may be unknown. It
    // prints as "unknown" and sorts after every given date.
    static constexpr Date unknown() { return Date{9999, 13, 0}; }
    [[nodiscard]] constexpr bool is_unknown() const { return month == 13; }

    [[nodiscard]] std::string to_string() const;
    // The first and the last day of the period the date stands for.
    [[nodiscard]] Date first_day() const;
    [[nodiscard]] Date last_day() const;
    // The day after the last day of the period the date stands for; none after 9999-12-31 or
    // after the unknown date.
    [[nodiscard]] std::optional<Date> next_day() const;

    auto operator<=>(const Date&) const = default;
};

// When a fact holds. Both ends are inclusive at the precision given: valid_to = 2023 means the
// fact may still hold on 2023-12-31. An end that is Date::unknown() says the fact ended on a date
// the source does not give: it does not hold at present (the data describes the present), and
// whether it held on an earlier date is not known.
struct Validity {
    std::optional<Date> from;
    std::optional<Date> to;

    // Whether the fact holds on `date`. An unknown end counts as holding (it may have), unless
    // `present` says the date is the present, which it has ended by.
    [[nodiscard]] bool holds_on(const Date& date, bool present = false) const;
    // True when the fact is kept on `date` only because its end is unknown: whether it held then
    // is not known, and an answer that counts it must say so.
    [[nodiscard]] bool uncertain_on(const Date& date, bool present = false) const;
    [[nodiscard]] bool end_unknown() const { return to && to->is_unknown(); }
    [[nodiscard]] bool bounded() const { return from.has_value() || to.has_value(); }
};

}  // namespace orgraph
