// The bulk CSV reader, through load(): the first byte chooses the file (entities.csv, or
// relations.csv between a few fixed entities), the rest is its content.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace orgraph;
    if (size == 0) return 0;
    static const LayerInput schema = builtin_schema();
    const bool relations = data[0] & 1;
    LayerInput layer{
        "fuzz",
        {InputFile{"sources.toml", "[dataset]\ndefault_source = \"s:1\"\n[[source]]\nid = \"s\"\ntitle = \"S\"\n",
                   FileFormat::toml}}};
    const std::string content(fuzz::text(data + 1, size - 1));
    if (relations) {
        layer.files.push_back({"entities.csv",
                               "id,kind,name,provenance\nfra,country,France,s:1\nmfa,ministry,Ministry,s:1\n"
                               "d1,department,Department,s:1\n",
                               FileFormat::entities_csv});
        layer.files.push_back({"relations.csv", content, FileFormat::relations_csv});
    } else {
        layer.files.push_back({"entities.csv", content, FileFormat::entities_csv});
    }
    try {
        (void)load({schema, layer});
    } catch (const dataset_error&) {
    }
    return 0;
}
