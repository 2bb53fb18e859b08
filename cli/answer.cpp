#include "answer.hpp"

#include <fmt/format.h>

#include "orgraph/model/visible_text.hpp"
#include "orgraph/write/json_entity.hpp"

namespace orgraph::cli {

bool shown_in(Shown shown, Format format) {
    const auto bit = [&] {
        switch (format) {
            case Format::table:
                return Shown::table;
            case Format::markdown:
                return Shown::markdown;
            case Format::csv:
                return Shown::csv;
            case Format::json:
                return Shown::json;
        }
        return Shown::table;
    }();
    return (static_cast<unsigned>(shown) & static_cast<unsigned>(bit)) != 0;
}

// The date of an answer, for people and in JSON: the one place that says it (Output and every
// Answer use these).
std::string AnswerDate::text() const {
    if (!date) return "all dates";
    return fmt::format("as of {}{}", date->to_string(), today ? " (today)" : "");
}

std::string uncertain_text(const AnswerDate& answer) {
    const auto count = answer.uncertain.size() + answer.uncertain_relations.size();
    if (count == 0) return {};
    constexpr std::size_t shown = 10;
    std::string text =
        fmt::format("uncertain {}, counted as present ({}):\n", answer.today ? "today" : "on that date", count);
    std::size_t written = 0;
    for (const auto& u : answer.uncertain) {
        if (written++ == shown) break;
        text += fmt::format("  {} ({}): {}\n", u.name, u.id, u.why);
    }
    for (const auto& u : answer.uncertain_relations) {
        if (written++ >= shown) break;
        text += fmt::format("  {}: {}\n", u.text, u.why);
    }
    if (count > shown) text += fmt::format("  and {} more (--format json lists them all)\n", count - shown);
    return text;
}

void write_answer_date(JsonWriter& json, const AnswerDate& answer) {
    if (answer.date)
        json.field("as_of", answer.date->to_string());
    else
        json.key("as_of").null();
    json.field("as_of_today", answer.today);
    json.key("uncertain").begin_array();
    for (const auto& u : answer.uncertain)
        json.begin_object()
            .field("id", u.id)
            .field("name", u.name)
            .field("kind", u.kind)
            .field("why", u.why)
            .end_object();
    json.end_array();
    json.key("uncertain_relations").begin_array();
    for (const auto& u : answer.uncertain_relations)
        json.begin_object()
            .field("from", u.from)
            .field("kind", u.kind)
            .field("to", u.to)
            .field("why", u.why)
            .end_object();
    json.end_array();
}

Answer& Answer::add(Part part) {
    m_parts.push_back(std::move(part));
    return *this;
}

Answer& Answer::about(const Graph& graph, EntityIndex entity) {
    m_about_graph = &graph;
    m_about = entity;
    return *this;
}

Answer& Answer::undated() {
    m_undated = true;
    return *this;
}

Answer& Answer::dates(std::vector<std::pair<std::string, const AnswerDate*>> labelled) {
    m_dates = std::move(labelled);
    return undated();
}

Answer& Answer::title(std::string text, Shown shown) {
    return add({.kind = Part::Kind::title, .shown = shown, .text = std::move(text)});
}

Answer& Answer::lead(std::string text, Shown shown) {
    return add({.kind = Part::Kind::lead, .shown = shown, .text = std::move(text)});
}

Answer& Answer::note(std::string text, Shown shown) {
    return add({.kind = Part::Kind::note, .shown = shown, .text = std::move(text)});
}

Answer& Answer::text(Text writer, Shown shown, bool continued) {
    return add({.kind = Part::Kind::text, .shown = shown, .writer = std::move(writer), .continued = continued});
}

Answer& Answer::items(std::string title, std::vector<AnswerItem> items, int level, Shown shown) {
    return add({.kind = Part::Kind::items,
                .shown = shown,
                .text = std::move(title),
                .level = level,
                .items = std::move(items)});
}

Answer& Answer::date() {
    return add({.kind = Part::Kind::date, .shown = Shown::json});
}

Answer& Answer::field(std::string key, std::string value) {
    return add({.kind = Part::Kind::field, .shown = Shown::json, .key = std::move(key), .value = std::move(value)});
}

Answer& Answer::field(std::string key, std::uint64_t value) {
    return add({.kind = Part::Kind::field, .shown = Shown::json, .key = std::move(key), .value = value});
}

Answer& Answer::field(std::string key, bool value) {
    return add({.kind = Part::Kind::field, .shown = Shown::json, .key = std::move(key), .value = value});
}

Answer& Answer::null_field(std::string key) {
    return add({.kind = Part::Kind::field, .shown = Shown::json, .key = std::move(key)});
}

Answer& Answer::entity(std::string key, const Graph& graph, EntityIndex entity) {
    return add(
        {.kind = Part::Kind::entity, .shown = Shown::json, .key = std::move(key), .graph = &graph, .entity = entity});
}

Answer& Answer::json(std::string key, JsonValue writer) {
    return add({.kind = Part::Kind::json, .shown = Shown::json, .key = std::move(key), .json = std::move(writer)});
}

Answer& Answer::list(AnswerList list) {
    list.rows.numeric.resize(list.rows.columns.size(), false);
    m_lists.push_back(std::move(list));
    const auto shown = m_lists.back().shown;
    return add({.kind = Part::Kind::list, .shown = shown, .list = m_lists.size() - 1});
}

const Table& Answer::keep(Table table) {
    m_tables.push_back(std::make_unique<Table>(std::move(table)));
    return *m_tables.back();
}

Answer& Answer::section(std::string title, std::size_t count, Table&& table, Shown shown) {
    const auto& kept = keep(std::move(table));
    return list({.title = std::move(title), .title_count = count, .rows = rows_of(kept), .shown = shown});
}

Answer& Answer::section(std::string title, std::size_t count, std::function<Table()> make, Shown shown) {
    m_to_make.emplace_back(m_lists.size(), std::move(make));
    return list({.title = std::move(title), .title_count = count, .shown = shown});
}

void Answer::make_tables(Format format) const {
    auto hold = [this](Table table) -> const Table& {
        m_tables.push_back(std::make_unique<Table>(std::move(table)));
        return *m_tables.back();
    };
    for (auto& [index, make] : m_to_make) {
        if (!make || !(shown_in(m_lists[index].shown, format) || (format == Format::csv && m_csv_list == index)))
            continue;
        auto& rows = m_lists[index].rows;
        rows = rows_of(hold(make()));
        rows.numeric.resize(rows.columns.size(), false);
        make = nullptr;
    }
    if (format == Format::csv && m_csv_to_make) {
        m_csv = rows_of(hold(m_csv_to_make()));
        m_csv->numeric.resize(m_csv->columns.size(), false);
        m_csv_to_make = nullptr;
    }
}

Answer& Answer::csv_last_list() {
    m_csv_list = m_lists.size() - 1;
    return *this;
}

Answer& Answer::csv(TableRows rows) {
    rows.numeric.resize(rows.columns.size(), false);
    m_csv = std::move(rows);
    return *this;
}

Answer& Answer::csv(std::function<Table()> make) {
    m_csv_to_make = std::move(make);
    return *this;
}

void Answer::render_json(std::ostream& out, const AnswerDate* date) const {
    JsonWriter json(out);
    if (m_about_graph)
        begin_entity_object(json, *m_about_graph, m_about);
    else
        json.begin_object();
    std::vector<std::string> cells;
    for (const auto& part : m_parts) {
        if (!shown_in(part.shown, Format::json)) continue;
        switch (part.kind) {
            case Part::Kind::date:
                if (date && !m_undated) write_answer_date(json, *date);
                break;
            case Part::Kind::field:
                json.key(part.key);
                std::visit(
                    [&](const auto& v) {
                        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::monostate>)
                            json.null();
                        else
                            json.value(v);
                    },
                    part.value);
                break;
            case Part::Kind::entity:
                json.key(part.key);
                write_entity_reference(json, *part.graph, part.entity);
                break;
            case Part::Kind::json:
                if (!part.key.empty()) json.key(part.key);
                part.json(json);
                break;
            case Part::Kind::list: {
                const auto& list = m_lists[part.list];
                if (list.key.empty()) break;
                json.key(list.key).begin_array();
                const auto count = list.json_count.value_or(list.rows.count);
                for (std::size_t i = 0; i < count; ++i) {
                    if (list.record)
                        list.record(json, i);
                    else
                        write_json_row(json, list.rows, i, cells);
                }
                json.end_array();
                break;
            }
            case Part::Kind::title:
            case Part::Kind::lead:
            case Part::Kind::note:
            case Part::Kind::text:
            case Part::Kind::items:
                break;
        }
    }
    json.end_object();
    json.finish();
}

namespace {

// Whether a part writes anything for people.
bool says(const AnswerList& list) {
    return list.rows.count > 0 || !list.omit_when_empty;
}

}  // namespace

bool Answer::says_anything(Format format) const {
    if (format == Format::json || format == Format::csv) return true;
    make_tables(format);
    for (const auto& part : m_parts) {
        if (!shown_in(part.shown, format)) continue;
        switch (part.kind) {
            case Part::Kind::list:
                if (says(m_lists[part.list])) return true;
                break;
            case Part::Kind::items:
                if (!part.items.empty()) return true;
                break;
            case Part::Kind::title:
            case Part::Kind::lead:
            case Part::Kind::note:
            case Part::Kind::text:
                return true;
            case Part::Kind::date:
            case Part::Kind::field:
            case Part::Kind::entity:
            case Part::Kind::json:
                break;
        }
    }
    return false;
}

void Answer::render_text(std::ostream& target, Format format, const AnswerDate* date) const {
    if (!says_anything(format)) return;
    const bool markdown = format == Format::markdown;
    VisibleStream out(target);
    bool first = true;
    auto block = [&] {
        if (!first) out << '\n';
        first = false;
    };
    for (const auto& part : m_parts) {
        if (!shown_in(part.shown, format)) continue;
        switch (part.kind) {
            case Part::Kind::title:
                block();
                out << (markdown ? "# " : "") << part.text << '\n';
                break;
            case Part::Kind::lead:
            case Part::Kind::note:
                block();
                out << part.text << '\n';
                break;
            case Part::Kind::text:
                if (part.continued)
                    first = false;
                else
                    block();
                part.writer(out);
                break;
            case Part::Kind::items: {
                if (part.items.empty()) break;
                block();
                if (!part.text.empty()) {
                    if (markdown) out << std::string(static_cast<std::size_t>(part.level), '#') << ' ';
                    out << part.text << (markdown ? "\n\n" : "\n");
                }
                const std::string bullet = markdown ? "- " : "  ";
                const std::string under = markdown ? "  " : "      ";
                for (const auto& item : part.items) {
                    out << bullet << item.text << '\n';
                    if (item.detail_label.empty()) continue;
                    out << under << item.detail_label << ": ";
                    const auto indent = std::string(under.size() + item.detail_label.size() + 2, ' ');
                    for (char c : item.detail) {
                        out << c;
                        if (c == '\n') out << indent;
                    }
                    out << '\n';
                }
                break;
            }
            case Part::Kind::list: {
                const auto& list = m_lists[part.list];
                if (!says(list)) break;
                block();
                if (!list.title.empty()) {
                    out << (markdown ? "## " : "") << list.title;
                    if (list.counted_title) out << fmt::format(" ({})", list.title_count.value_or(list.rows.count));
                    out << (markdown ? "\n\n" : "\n");
                }
                if (list.rows.count == 0)
                    out << (markdown ? "_none_\n" : "  none\n");
                else
                    write_table(out, list.rows, format);
                break;
            }
            case Part::Kind::date:
            case Part::Kind::field:
            case Part::Kind::entity:
            case Part::Kind::json:
                break;
        }
    }
    if (date && !m_undated) {
        block();
        out << date->text() << '\n' << uncertain_text(*date);
    }
    if (!m_dates.empty()) {
        block();
        for (const auto& [label, side] : m_dates) out << label << ": " << side->text() << '\n' << uncertain_text(*side);
    }
    out.finish();
}

void Answer::render(std::ostream& out, Format format, const AnswerDate* date) const {
    make_tables(format);
    switch (format) {
        case Format::json:
            render_json(out, date);
            break;
        case Format::csv:
            if (m_csv)
                write_table(out, *m_csv, Format::csv);
            else if (m_csv_list)
                write_table(out, m_lists[*m_csv_list].rows, Format::csv);
            else
                throw std::logic_error("an answer in CSV needs a table: csv() or csv_last_list()");
            break;
        case Format::table:
        case Format::markdown:
            render_text(out, format, date);
            break;
    }
}

}  // namespace orgraph::cli
