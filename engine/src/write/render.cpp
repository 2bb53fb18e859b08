#include "orgraph/write/render.hpp"

#include <gvc.h>

#include <fmt/format.h>

#include <memory>

namespace orgraph {
namespace {

// Graphviz reports problems through a process-wide callback; a render collects them here
// instead of letting Graphviz print them.
std::vector<std::string>* collected = nullptr;

int collect_message(char* message) {
    if (collected && message) {
        std::string text(message);
        while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
        if (!text.empty()) collected->push_back(std::move(text));
    }
    return 0;
}

std::string joined(const std::vector<std::string>& messages) {
    std::string out;
    for (const auto& m : messages) out += (out.empty() ? "" : "; ") + m;
    return out.empty() ? std::string("no message") : out;
}

// One Graphviz context for the life of the process, never freed. Graphviz's text-layout plugin
// keeps pointers into the context it first measured text in: a second context, made after the
// first was freed, reads freed memory (AddressSanitizer shows it on the second render).
GVC_t* graphviz_context() {
    static GVC_t* const context = gvContext();
    return context;
}

}  // namespace

std::optional<RenderFormat> parse_render_format(std::string_view name) {
    if (name == "svg") return RenderFormat::svg;
    if (name == "png") return RenderFormat::png;
    if (name == "pdf") return RenderFormat::pdf;
    return std::nullopt;
}

Rendering render_dot(std::string_view dot, RenderFormat format) {
    std::vector<std::string> messages;
    collected = &messages;
    const auto previous = agseterrf(collect_message);
    struct Restore {
        agusererrf previous;
        ~Restore() {
            agseterrf(previous);
            collected = nullptr;
        }
    } restore{previous};
    agreseterrors();

    GVC_t* const context = graphviz_context();
    if (!context) throw render_error("Graphviz could not start (gvContext failed)");
    const std::string text(dot);  // agmemread needs a terminated string
    const std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> graph(agmemread(text.c_str()), agclose);
    if (!graph || agerrors() > 0)
        throw render_error(fmt::format("Graphviz could not read the DOT: {}", joined(messages)));
    if (gvLayout(context, graph.get(), "dot") != 0)
        throw render_error(fmt::format("Graphviz could not lay out the graph: {}", joined(messages)));
    const char* name = format == RenderFormat::svg ? "svg" : format == RenderFormat::png ? "png:cairo" : "pdf:cairo";
    char* data = nullptr;
    unsigned int length = 0;
    const int status = gvRenderData(context, graph.get(), name, &data, &length);
    Rendering result;
    if (status == 0 && data) result.data.assign(data, length);
    if (data) gvFreeRenderData(data);
    gvFreeLayout(context, graph.get());
    if (status != 0 || result.data.empty())
        throw render_error(fmt::format("Graphviz could not render {}: {}",
                                       format == RenderFormat::svg   ? "SVG"
                                       : format == RenderFormat::png ? "PNG"
                                                                     : "PDF",
                                       joined(messages)));
    result.warnings = std::move(messages);
    return result;
}

}  // namespace orgraph
