package org.eldercare.planner.web.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.eldercare.planner.viewport.ViewportFeature;
import org.eldercare.planner.viewport.ViewportIndex;
import org.eldercare.planner.io.Feature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * One map layer: a list of items with an id, a geometry, display properties and optional filters, served as GeoJSON
 * by {@code /api/layers/{id}} and as an OGC API - Features collection. Items without a geometry (a district recorded
 * without its boundary) are not drawn; they are counted in {@link #withoutGeometry()} so the client can say so.
 * Geometry work (bbox tests, simplification per zoom) is delegated to geo-core's {@link ViewportIndex}.
 * THIS CLASS IS IMMUTABLE AND THREAD-SAFE.
 */
public final class MapLayer<T> {
    /** Where a layer sits in the layer switcher. */
    public enum Group { ADMIN, FACILITIES, BASE, ANALYSIS }

    /** A filter on one property: its accepted values and how to read an item's value. */
    record Filter<T>(List<String> allowed, Function<T, String> valueOf) {
        Filter {
            allowed = List.copyOf(allowed);
        }
    }

    private final String id;
    private final String titleZh;
    private final String titleEn;
    private final Group group;
    private final String geometryType;
    private final ViewportIndex<T> index;
    private final Function<T, String> idOf;
    private final Function<T, Map<String, Object>> propertiesOf;
    private final Map<String, Filter<T>> filters;
    private final List<T> drawn;
    private final Map<String, Integer> positionById;
    private final int withoutGeometry;
    /** Encoded GeoJSON of each feature: slot 0 unsimplified, slot z + 1 simplified for zoom z; filled on first use. */
    private final List<AtomicReferenceArray<byte[]>> encoded;

    private MapLayer(String id, String titleZh, String titleEn, Group group, String geometryType, ViewportIndex<T> index,
            Function<T, String> idOf, Function<T, Map<String, Object>> propertiesOf, Map<String, Filter<T>> filters,
            List<T> drawn, Map<String, Integer> positionById, int withoutGeometry) {
        this.id = id;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.group = group;
        this.geometryType = geometryType;
        this.index = index;
        this.idOf = idOf;
        this.propertiesOf = propertiesOf;
        this.filters = Collections.unmodifiableMap(new LinkedHashMap<>(filters));
        this.drawn = drawn;
        this.positionById = positionById;
        this.withoutGeometry = withoutGeometry;
        List<AtomicReferenceArray<byte[]>> slots = new ArrayList<>(ViewportIndex.MAX_ZOOM + 2);
        for (int z = 0; z <= ViewportIndex.MAX_ZOOM + 1; z++) {
            slots.add(new AtomicReferenceArray<>(drawn.size()));
        }
        this.encoded = List.copyOf(slots);
    }

    /**
     * A layer over {@code items}.
     *
     * @param id           kebab-case id used in URLs, e.g. {@code facilities}
     * @param titleZh      Chinese title
     * @param titleEn      English title
     * @param group        where it sits in the layer switcher
     * @param geometryType GeoJSON geometry type the client should expect ({@code Point}, {@code LineString},
     *                     {@code Polygon}; multi-part variants may occur)
     * @param items        the items; those whose geometry is null are counted but not drawn
     * @param idOf         a unique id per item
     * @param geometryOf   WGS84 lon/lat geometry of an item, or null when it has none
     * @param propertiesOf display properties of an item (JSON values: String, Number, Boolean, List, Map or null)
     * @throws IllegalArgumentException when the id is not kebab-case or two items share an id
     */
    public static <T> MapLayer<T> of(String id, String titleZh, String titleEn, Group group, String geometryType,
            List<T> items, Function<T, String> idOf, Function<T, ? extends Geometry> geometryOf,
            Function<T, Map<String, Object>> propertiesOf) {
        if (id == null || !id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("id: must be kebab-case like 'medical-facilities', was '" + id + "'");
        }
        List<T> drawn = new ArrayList<>(items.size());
        int without = 0;
        for (T t : items) {
            Geometry g = geometryOf.apply(t);
            if (g == null || g.isEmpty()) {
                without++;
            } else {
                drawn.add(t);
            }
        }
        ViewportIndex<T> index = new ViewportIndex<>(drawn, geometryOf);
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < drawn.size(); i++) {
            String fid = idOf.apply(drawn.get(i));
            if (positions.put(fid, i) != null) {
                throw new IllegalArgumentException("items.id: duplicate id '" + fid + "' in layer " + id);
            }
        }
        return new MapLayer<>(id, Objects.requireNonNull(titleZh), Objects.requireNonNull(titleEn), group, geometryType,
            index, idOf, propertiesOf, Map.of(), List.copyOf(drawn), Map.copyOf(positions), without);
    }

    /**
     * This layer with a filter on one property: {@code ?name=a,b} keeps items whose value is a or b. Values outside
     * {@code allowed} are refused with a 400 naming the parameter.
     */
    public MapLayer<T> withFilter(String name, List<String> allowed, Function<T, String> valueOf) {
        Map<String, Filter<T>> f = new LinkedHashMap<>(filters);
        f.put(name, new Filter<>(allowed, valueOf));
        return new MapLayer<>(id, titleZh, titleEn, group, geometryType, index, idOf, propertiesOf, f, drawn,
            positionById, withoutGeometry);
    }

    public String id() {
        return id;
    }

    public String titleZh() {
        return titleZh;
    }

    public String titleEn() {
        return titleEn;
    }

    public Group group() {
        return group;
    }

    public String geometryType() {
        return geometryType;
    }

    /** Number of items drawn. */
    public int size() {
        return index.size();
    }

    /** Number of items left out of the map because they have no geometry. */
    public int withoutGeometry() {
        return withoutGeometry;
    }

    /** Bounding box of the drawn items (lon/lat); null envelope when the layer is empty. */
    public Envelope extent() {
        return index.extent();
    }

    /** Filter names with their accepted values, in declaration order. */
    public Map<String, List<String>> filters() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        filters.forEach((k, v) -> out.put(k, v.allowed()));
        return Collections.unmodifiableMap(out);
    }

    /** Features matching the query, in item order, with the total number matched before paging. */
    public LayerPage query(LayerQuery q) {
        Match m = match(q);
        List<Feature> page = new ArrayList<>(m.page().size());
        for (int i : m.page()) {
            page.add(feature(i, q.zoom()));
        }
        return new LayerPage(m.numberMatched(), page);
    }

    /**
     * The page of features matching the query as a GeoJSON FeatureCollection with {@code members} (and
     * {@code numberMatched} when {@code withCounts}) added. Each feature's encoding is made once per zoom level and
     * kept: layers are immutable, so the bytes never go stale (IMPLEMENTATION NOTE: this is what keeps the layer
     * endpoints fast under load; the same {@code output} must be used for every call).
     */
    public byte[] queryGeoJson(LayerQuery q, GeoJsonOutput output, Map<String, Object> members,
            MembersAfterMatch after) {
        Match m = match(q);
        List<Integer> positions = m.page();
        int slot = q.zoom().isPresent() ? q.zoom().getAsInt() + 1 : 0;
        List<byte[]> parts = new ArrayList<>(positions.size());
        for (int i : positions) {
            byte[] b = encoded.get(slot).get(i);
            if (b == null) {
                b = output.feature(feature(i, q.zoom()), Map.of());
                encoded.get(slot).set(i, b);
            }
            parts.add(b);
        }
        Map<String, Object> all = new LinkedHashMap<>(members);
        all.putAll(after.members(m.numberMatched(), positions.size()));
        return output.featureCollectionOfEncoded(parts, all);
    }

    /** Top-level members that depend on how many features matched and how many are returned (OGC's counts, links). */
    @FunctionalInterface
    public interface MembersAfterMatch {
        Map<String, Object> members(int numberMatched, int numberReturned);
    }

    /** Positions (in the drawn list) of one page of matches, and how many matched before paging. */
    private record Match(int numberMatched, List<Integer> page) {}

    private Feature feature(int i, OptionalInt zoom) {
        return new Feature(idOf.apply(drawn.get(i)), index.displayGeometry(i, zoom), propertiesOf.apply(drawn.get(i)));
    }

    private Match match(LayerQuery q) {
        for (String name : q.filters().keySet()) {
            if (!filters.containsKey(name)) {
                throw new BadParameterException(name, String.join(",", q.filters().get(name)),
                    "layer '" + id + "' has no filter '" + name + "'; its filters are: " + filters.keySet(),
                    List.copyOf(filters.keySet()));
            }
        }
        List<ViewportFeature<T>> candidates = q.bbox().map(b -> index.query(b, OptionalInt.empty()))
            .orElseGet(() -> index.all(OptionalInt.empty()));
        List<ViewportFeature<T>> matched = new ArrayList<>(candidates.size());
        for (ViewportFeature<T> f : candidates) {
            if (passes(f.item(), q.filters())) {
                matched.add(f);
            }
        }
        int from = Math.min(q.offset(), matched.size());
        int to = q.limit().isPresent() ? (int) Math.min((long) from + q.limit().getAsInt(), matched.size())
            : matched.size();
        List<Integer> page = new ArrayList<>(to - from);
        for (ViewportFeature<T> f : matched.subList(from, to)) {
            page.add(f.index());
        }
        return new Match(matched.size(), page);
    }

    /** The feature with this id, unsimplified; empty when there is none (or it has no geometry). */
    public Optional<Feature> findFeature(String featureId) {
        Integer i = positionById.get(featureId);
        if (i == null) {
            return Optional.empty();
        }
        return Optional.of(new Feature(featureId, index.displayGeometry(i, OptionalInt.empty()),
            propertiesOf.apply(drawn.get(i))));
    }

    private boolean passes(T item, Map<String, Set<String>> wanted) {
        for (var e : wanted.entrySet()) {
            if (!e.getValue().isEmpty() && !e.getValue().contains(filters.get(e.getKey()).valueOf().apply(item))) {
                return false;
            }
        }
        return true;
    }
}
