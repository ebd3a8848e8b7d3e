package org.eldercare.planner.web.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;

/**
 * What a client asks of a layer. Immutable.
 *
 * @param bbox    keep features intersecting this lon/lat box; empty = all
 * @param zoom    simplify geometries for this web-map zoom; empty = full detail
 * @param filters property filters: name → accepted values (an empty set means no filtering on that name)
 * @param offset  number of matched features to skip, ≥ 0
 * @param limit   maximum number of features returned, ≥ 0; empty = all
 */
public record LayerQuery(Optional<Envelope> bbox, OptionalInt zoom, Map<String, Set<String>> filters, int offset,
        OptionalInt limit) {
    public LayerQuery {
        bbox = bbox.map(Envelope::new);
        Map<String, Set<String>> f = new LinkedHashMap<>();
        filters.forEach((k, v) -> f.put(k, Set.copyOf(v)));
        filters = java.util.Collections.unmodifiableMap(f);
        if (offset < 0) {
            throw new BadParameterException("offset", Integer.toString(offset), "must be >= 0, was " + offset);
        }
        if (limit.isPresent() && limit.getAsInt() < 0) {
            throw new BadParameterException("limit", Integer.toString(limit.getAsInt()),
                "must be >= 0, was " + limit.getAsInt());
        }
    }

    /** Everything, unsimplified. */
    public static LayerQuery all() {
        return new LayerQuery(Optional.empty(), OptionalInt.empty(), Map.of(), 0, OptionalInt.empty());
    }
}
