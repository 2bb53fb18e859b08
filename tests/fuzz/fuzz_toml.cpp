// The TOML dataset reader, through load() as a user's dataset file, over the built-in schema.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace orgraph;
    static const LayerInput schema = builtin_schema();
    LayerInput layer{"fuzz", {InputFile{"fuzz.toml", std::string(fuzz::text(data, size)), FileFormat::toml}}};
    try {
        (void)load({schema, layer});
    } catch (const dataset_error&) {
    }
    return 0;
}
