#include "orgraph/write/json_entity.hpp"

namespace orgraph {

JsonWriter& begin_entity_object(JsonWriter& json, const Graph& graph, EntityIndex entity) {
    return json.begin_object()
        .field("id", graph.entity_id(entity))
        .field("name", graph.entity_name(entity))
        .field("kind", graph.kind_of(entity).id);
}

JsonWriter& write_entity_reference(JsonWriter& json, const Graph& graph, EntityIndex entity) {
    return begin_entity_object(json, graph, entity).end_object();
}

}  // namespace orgraph
