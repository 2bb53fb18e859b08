#include <boost/test/unit_test.hpp>

#include "orgraph/model/text.hpp"

using orgraph::edit_distance;
using orgraph::fold_name;

BOOST_AUTO_TEST_SUITE(fold)

BOOST_AUTO_TEST_CASE(folding_ignores_case) {
    BOOST_TEST(fold_name("MALTA") == "malta");
    BOOST_TEST(fold_name("Malta") == fold_name("mALTA"));
}

BOOST_AUTO_TEST_CASE(folding_removes_latin_diacritics) {
    BOOST_TEST(fold_name("Côte d’Ivoire") == "cote d ivoire");
    BOOST_TEST(fold_name("CÔTE D'IVOIRE") == "cote d ivoire");
    BOOST_TEST(fold_name("cote d ivoire") == "cote d ivoire");
    BOOST_TEST(fold_name("São Tomé and Príncipe") == "sao tome and principe");
    BOOST_TEST(fold_name("Curaçao") == "curacao");
    BOOST_TEST(fold_name("Åland") == "aland");
    BOOST_TEST(fold_name("Łódź") == "lodz");
    BOOST_TEST(fold_name("Straße") == "strasse");
    BOOST_TEST(fold_name("Ærø") == "aero");
    BOOST_TEST(fold_name("Türkiye") == "turkiye");
}

BOOST_AUTO_TEST_CASE(folding_makes_every_run_of_punctuation_and_space_one_space) {
    BOOST_TEST(fold_name("Korea-China Association") == "korea china association");
    BOOST_TEST(fold_name("  Bosnia - Herzegovina  ") == "bosnia herzegovina");
    BOOST_TEST(fold_name("Association of South-East Asian Nations(ASEAN)") ==
               "association of south east asian nations asean");
    BOOST_TEST(fold_name("St. Kitts & Nevis") == "st kitts nevis");
    BOOST_TEST(fold_name("“Quoted” — name") == "quoted name");
    BOOST_TEST(fold_name("tab\tand\nline") == "tab and line");
}

BOOST_AUTO_TEST_CASE(folding_drops_a_leading_the) {
    BOOST_TEST(fold_name("The Gambia") == "gambia");
    BOOST_TEST(fold_name("the Philippines") == "philippines");
    BOOST_TEST(fold_name("THE NETHERLANDS") == "netherlands");
    BOOST_TEST(fold_name("  The  Bahamas") == "bahamas");
}

BOOST_AUTO_TEST_CASE(a_the_inside_a_word_or_later_in_the_name_is_kept) {
    BOOST_TEST(fold_name("Theatre Office") == "theatre office");
    BOOST_TEST(fold_name("Bank of the North") == "bank of the north");
    BOOST_TEST(fold_name("The") == "the");
}

BOOST_AUTO_TEST_CASE(letters_of_other_scripts_are_kept_as_they_are) {
    BOOST_TEST(fold_name("조선민주주의인민공화국 외무성") == "조선민주주의인민공화국 외무성");
    BOOST_TEST(fold_name("Москва") == "Москва");
}

BOOST_AUTO_TEST_CASE(text_of_nothing_but_punctuation_folds_to_nothing) {
    BOOST_TEST(fold_name("").empty());
    BOOST_TEST(fold_name(" - ").empty());
    BOOST_TEST(fold_name("…").empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(distance)

BOOST_AUTO_TEST_CASE(the_edit_distance_counts_insertions_deletions_and_substitutions) {
    BOOST_TEST(edit_distance("kitten", "sitting", 10) == 3u);
    BOOST_TEST(edit_distance("malta", "malta", 3) == 0u);
    BOOST_TEST(edit_distance("", "abc", 5) == 3u);
    BOOST_TEST(edit_distance("abc", "", 5) == 3u);
    BOOST_TEST(edit_distance("titel", "title", 5) == 2u);
    BOOST_TEST(edit_distance("departmnet", "department", 5) == 2u);
}

BOOST_AUTO_TEST_CASE(a_distance_beyond_the_limit_comes_back_as_limit_plus_one) {
    BOOST_TEST(edit_distance("kitten", "sitting", 2) == 3u);
    BOOST_TEST(edit_distance("kitten", "sitting", 1) == 2u);
    BOOST_TEST(edit_distance("a", "abcdefgh", 3) == 4u);
    BOOST_TEST(edit_distance("mongolia", "malta", 0) == 1u);
    BOOST_TEST(edit_distance("kitten", "sitting", 3) == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
