package org.eldercare.planner.web.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.web.TestCounty;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class MapLayerTest {
    final LayerRegistry layers = BaseLayers.register(new LayerRegistry(), TestCounty.data());
    final GeoJsonOutput out = new GeoJsonOutput(new ObjectMapper());

    @Test
    void paging_and_filters_count_matches_before_the_page() {
        MapLayer<?> facilities = layers.getLayer("layerId", "facilities");
        // f1 (117.05, 28.10), f3 (117.15, 28.30) lie in township A's box 117.0..117.2
        var inA = facilities.query(new LayerQuery(Optional.of(new Envelope(117.0, 117.2, 28.0, 28.4)),
            OptionalInt.empty(), Map.of(), 0, OptionalInt.empty()));
        assertEquals(List.of("f1", "f3"), inA.features().stream().map(Feature::id).toList());
        var second = facilities.query(new LayerQuery(Optional.empty(), OptionalInt.empty(), Map.of(), 1,
            OptionalInt.of(2)));
        assertEquals(4, second.numberMatched());
        assertEquals(List.of("f2", "f3"), second.features().stream().map(Feature::id).toList());
        var kinds = facilities.query(new LayerQuery(Optional.empty(), OptionalInt.empty(),
            Map.of("kind", Set.of("canteen")), 0, OptionalInt.empty()));
        assertEquals(0, kinds.numberMatched());
    }

    @Test
    void cached_encodings_are_the_same_bytes_as_fresh_ones() throws Exception {
        MapLayer<?> roads = layers.getLayer("layerId", "roads");
        LayerQuery q = new LayerQuery(Optional.empty(), OptionalInt.of(9), Map.of(), 0, OptionalInt.empty());
        byte[] first = roads.queryGeoJson(q, out, Map.of(), (m, r) -> Map.of("numberMatched", m));
        byte[] again = roads.queryGeoJson(q, out, Map.of(), (m, r) -> Map.of("numberMatched", m));
        assertArrayEquals(first, again);
        var json = new ObjectMapper().readTree(first);
        assertEquals(2, json.get("numberMatched").asInt());
        assertEquals("r1", json.at("/features/0/id").asText());
        assertEquals("primary", json.at("/features/0/properties/highway").asText());
    }

    @Test
    void layer_ids_must_be_kebab_case_and_unique() {
        var e = assertThrows(IllegalArgumentException.class, () -> MapLayer.of("Bad_Id", "x", "x", MapLayer.Group.BASE,
            "Point", List.of(), (String s) -> s, s -> null, s -> Map.of()));
        assertTrue(e.getMessage().startsWith("id:"));
        var d = assertThrows(IllegalArgumentException.class,
            () -> layers.add(layers.getLayer("layerId", "roads")));
        assertTrue(d.getMessage().contains("already registered"));
        var unknown = assertThrows(BadParameterException.class, () -> layers.getLayer("layerId", "roads")
            .query(new LayerQuery(Optional.empty(), OptionalInt.empty(), Map.of("kind", Set.of("x")), 0,
                OptionalInt.empty())));
        assertEquals("kind", unknown.parameter());
    }
}
