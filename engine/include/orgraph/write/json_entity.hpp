#pragma once
// How every JSON output names an entity: an object that begins {"id", "name", "kind"} (the
// kind's id), whether it is the whole object (a reference: a unit that covers a place, the
// other end of a relation, a step of a route) or the start of a longer one (a covered place,
// a unit and its counts) to which the caller adds its own fields.

#include "orgraph/model/graph.hpp"
#include "orgraph/write/json_writer.hpp"

namespace orgraph {

// Opens an object and writes the entity's id, name and kind; the caller ends it.
JsonWriter& begin_entity_object(JsonWriter& json, const Graph& graph, EntityIndex entity);

// {"id", "name", "kind"}: the whole object.
JsonWriter& write_entity_reference(JsonWriter& json, const Graph& graph, EntityIndex entity);

}  // namespace orgraph
