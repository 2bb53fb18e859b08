#include <boost/test/unit_test.hpp>

#include "orgraph/model/date.hpp"

using orgraph::Date;
using orgraph::Validity;

namespace {
Date day(int y, int m, int d) {
    return Date{y, m, d};
}
}  // namespace

BOOST_AUTO_TEST_SUITE(dates)

BOOST_AUTO_TEST_CASE(a_year_alone_is_a_date_of_year_precision) {
    const auto date = Date::parse("1948");
    BOOST_REQUIRE(date);
    BOOST_TEST(date->year == 1948);
    BOOST_TEST(date->month == 0);
    BOOST_TEST(date->day == 0);
    BOOST_TEST(date->to_string() == "1948");
}

BOOST_AUTO_TEST_CASE(a_year_and_month_is_a_date_of_month_precision) {
    const auto date = Date::parse("2023-11");
    BOOST_REQUIRE(date);
    BOOST_TEST(date->year == 2023);
    BOOST_TEST(date->month == 11);
    BOOST_TEST(date->day == 0);
    BOOST_TEST(date->to_string() == "2023-11");
}

BOOST_AUTO_TEST_CASE(a_full_date_keeps_its_day) {
    const auto date = Date::parse("2020-01-31");
    BOOST_REQUIRE(date);
    BOOST_TEST(date->to_string() == "2020-01-31");
    BOOST_TEST((*date == day(2020, 1, 31)));
}

BOOST_AUTO_TEST_CASE(the_twenty_ninth_of_february_exists_only_in_leap_years) {
    BOOST_TEST(Date::parse("2024-02-29").has_value());
    BOOST_TEST(Date::parse("2000-02-29").has_value());
    BOOST_TEST(!Date::parse("2023-02-29").has_value());
    BOOST_TEST(!Date::parse("1900-02-29").has_value());
}

BOOST_AUTO_TEST_CASE(impossible_months_and_days_are_rejected) {
    BOOST_TEST(!Date::parse("1949-13").has_value());
    BOOST_TEST(!Date::parse("1949-00").has_value());
    BOOST_TEST(!Date::parse("1949-04-31").has_value());
    BOOST_TEST(!Date::parse("1949-04-00").has_value());
}

BOOST_AUTO_TEST_CASE(text_that_is_not_a_date_is_rejected) {
    for (const char* text :
         {"", "194", "19488", "1948-1", "1948-01-1", "1948/01/01", "1948-01-01T00", "abcd", "-948", "1948-1a", " 1948"})
        BOOST_TEST(!Date::parse(text).has_value(), "'" << text << "' should not parse");
}

BOOST_AUTO_TEST_CASE(a_date_stands_for_the_days_from_its_first_to_its_last) {
    const auto year = *Date::parse("2023");
    BOOST_TEST((year.first_day() == day(2023, 1, 1)));
    BOOST_TEST((year.last_day() == day(2023, 12, 31)));
    const auto february = *Date::parse("2024-02");
    BOOST_TEST((february.first_day() == day(2024, 2, 1)));
    BOOST_TEST((february.last_day() == day(2024, 2, 29)));
    const auto single = *Date::parse("2024-03-05");
    BOOST_TEST((single.first_day() == single));
    BOOST_TEST((single.last_day() == single));
}

BOOST_AUTO_TEST_CASE(dates_order_by_year_then_month_then_day) {
    BOOST_TEST((day(2023, 12, 31) < day(2024, 1, 1)));
    BOOST_TEST((day(2024, 1, 31) < day(2024, 2, 1)));
    BOOST_TEST((day(2024, 2, 1) < day(2024, 2, 2)));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(validity)

BOOST_AUTO_TEST_CASE(an_unbounded_validity_holds_on_every_date) {
    const Validity always;
    BOOST_TEST(!always.bounded());
    BOOST_TEST(always.holds_on(day(1, 1, 1)));
    BOOST_TEST(always.holds_on(day(9999, 12, 31)));
}

BOOST_AUTO_TEST_CASE(both_ends_are_inclusive_at_the_precision_given) {
    const Validity v{Date::parse("1990"), Date::parse("2023")};
    BOOST_TEST(v.bounded());
    BOOST_TEST(!v.holds_on(day(1989, 12, 31)));
    BOOST_TEST(v.holds_on(day(1990, 1, 1)));
    BOOST_TEST(v.holds_on(day(2023, 12, 31)));
    BOOST_TEST(!v.holds_on(day(2024, 1, 1)));
}

BOOST_AUTO_TEST_CASE(a_month_end_holds_until_the_last_day_of_that_month) {
    const Validity v{std::nullopt, Date::parse("2023-11")};
    BOOST_TEST(v.holds_on(day(2023, 11, 30)));
    BOOST_TEST(!v.holds_on(day(2023, 12, 1)));
    BOOST_TEST(v.holds_on(day(1700, 1, 1)));
}

BOOST_AUTO_TEST_CASE(a_validity_with_only_a_start_holds_ever_after) {
    const Validity v{Date::parse("2001-05-01"), std::nullopt};
    BOOST_TEST(!v.holds_on(day(2001, 4, 30)));
    BOOST_TEST(v.holds_on(day(2001, 5, 1)));
    BOOST_TEST(v.holds_on(day(2999, 1, 1)));
}

BOOST_AUTO_TEST_CASE(a_coarse_query_date_is_taken_at_its_first_day) {
    // "Did it hold in 2019?" for a fact that started in mid-2019 reads the year as 2019-01-01.
    const Validity v{Date::parse("2019-06-30"), std::nullopt};
    BOOST_TEST(!v.holds_on(*Date::parse("2019")));
    BOOST_TEST(v.holds_on(*Date::parse("2020")));
    BOOST_TEST(v.holds_on(*Date::parse("2019-07")));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(an_unknown_end_is_kept_on_a_past_date_as_uncertain_and_ended_at_present) {
    BOOST_TEST(!Date::parse("unknown"));  // only an end may be unknown
    const auto end = Date::parse_end("unknown");
    BOOST_REQUIRE(end);
    BOOST_TEST(end->is_unknown());
    BOOST_TEST(end->to_string() == "unknown");
    BOOST_TEST(Date::parse_end("2023")->to_string() == "2023");
    BOOST_TEST(!Date::parse_end("someday"));
    BOOST_TEST((*Date::parse("9999-12-31") < *end));  // sorts after every given date

    const Validity closed{Date{1990, 0, 0}, *end};
    BOOST_TEST(closed.end_unknown());
    BOOST_TEST(!closed.holds_on(Date{1980, 1, 1}));        // before it began: known not to hold
    BOOST_TEST(closed.holds_on(Date{2023, 6, 30}));        // may have held: kept ...
    BOOST_TEST(closed.uncertain_on(Date{2023, 6, 30}));    // ... and said to be uncertain
    BOOST_TEST(!closed.holds_on(Date{2026, 7, 1}, true));  // at present it has ended
    BOOST_TEST(!closed.uncertain_on(Date{2026, 7, 1}, true));

    const Validity dated{std::nullopt, Date{2023, 0, 0}};
    BOOST_TEST(!dated.end_unknown());
    BOOST_TEST(!dated.uncertain_on(Date{2023, 6, 30}));
}
