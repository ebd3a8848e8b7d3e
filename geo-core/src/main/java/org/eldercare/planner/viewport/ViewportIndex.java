package org.eldercare.planner.viewport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * A layer of items with WGS84 lon/lat geometries, indexed for the two questions a web map asks: which items intersect
 * this bounding box, and what should each look like at this zoom level.
 *
 * <p>Bounding-box queries are exact: an item is returned when its geometry intersects the box (boundary touching
 * counts), found through an STR-tree over the geometries' envelopes. Answers keep the order of the list the index was
 * built from, so that paging through them ({@code offset}, {@code limit}) is stable.
 *
 * <p>Simplification per zoom: at web-map zoom {@code z} one screen pixel spans {@code 360 / (256 · 2^z)} degrees of
 * longitude ({@link #toleranceDegrees(int)}); lines and polygons are simplified with that tolerance (polygons with
 * JTS's {@link TopologyPreservingSimplifier}, so rings stay valid; lines with Douglas–Peucker), which is the detail
 * Leaflet would throw away on screen anyway (its default {@code smoothFactor} is one pixel). Points are never
 * simplified. A geometry that would simplify to nothing (a polygon smaller than a pixel) is drawn unsimplified rather
 * than dropped. Simplified copies are made on first use and kept, one per item and zoom level.
 *
 * <p>Bad input: a null list, a null or empty geometry ({@code IllegalArgumentException} naming the item's index), a
 * zoom outside [0, {@value #MAX_ZOOM}], or a bounding box that is null.
 *
 * <p>THIS CLASS IS IMMUTABLE AND THREAD-SAFE (the simplification cache only ever fills in values that are equal).
 */
public final class ViewportIndex<T> {
    /** Highest zoom level accepted (Leaflet's practical maximum with over-zoomed tiles). */
    public static final int MAX_ZOOM = 24;

    private final List<T> items;
    private final List<Geometry> geometries;
    private final STRtree tree;
    private final Envelope extent;
    private final List<AtomicReferenceArray<Geometry>> simplified;

    /**
     * Indexes {@code items}; {@code geometryOf} must give each a non-empty WGS84 geometry.
     *
     * @throws IllegalArgumentException naming {@code items[i].geometry} when item {@code i} has no geometry
     */
    public ViewportIndex(List<T> items, Function<? super T, ? extends Geometry> geometryOf) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(geometryOf, "geometryOf");
        this.items = List.copyOf(items);
        List<Geometry> geoms = new ArrayList<>(this.items.size());
        STRtree t = new STRtree();
        Envelope all = new Envelope();
        for (int i = 0; i < this.items.size(); i++) {
            Geometry g = geometryOf.apply(this.items.get(i));
            if (g == null || g.isEmpty()) {
                throw new IllegalArgumentException("items[" + i + "].geometry: must be a non-empty geometry, was "
                    + (g == null ? "null" : "empty"));
            }
            geoms.add(g);
            t.insert(g.getEnvelopeInternal(), i);
            all.expandToInclude(g.getEnvelopeInternal());
        }
        t.build();
        this.geometries = List.copyOf(geoms);
        this.tree = t;
        this.extent = all;
        List<AtomicReferenceArray<Geometry>> caches = new ArrayList<>(MAX_ZOOM + 1);
        for (int z = 0; z <= MAX_ZOOM; z++) {
            caches.add(new AtomicReferenceArray<>(this.items.size()));
        }
        this.simplified = List.copyOf(caches);
    }

    /** Number of indexed items. */
    public int size() {
        return items.size();
    }

    /** Bounding box of all geometries (lon/lat); a null envelope ({@link Envelope#isNull()}) when the index is empty. */
    public Envelope extent() {
        return new Envelope(extent);
    }

    /**
     * The size of one screen pixel at web-map zoom {@code zoom}, in degrees of longitude: {@code 360 / (256 · 2^zoom)}.
     * Zoom 0 → 1.40625°, zoom 10 → 0.001373°, zoom 18 → 5.36e-6°.
     *
     * @throws IllegalArgumentException when zoom is outside [0, {@value #MAX_ZOOM}]
     */
    public static double toleranceDegrees(int zoom) {
        checkZoom(zoom);
        return 360.0 / (256.0 * Math.pow(2, zoom));
    }

    /**
     * Every item, in input order; geometries simplified for {@code zoom} when given, original otherwise.
     *
     * @throws IllegalArgumentException when zoom is outside [0, {@value #MAX_ZOOM}]
     */
    public List<ViewportFeature<T>> all(OptionalInt zoom) {
        zoom.ifPresent(ViewportIndex::checkZoom);
        List<ViewportFeature<T>> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(feature(i, zoom));
        }
        return out;
    }

    /**
     * Items whose geometry intersects {@code bbox} (lon/lat; boundary contact counts), in input order; geometries
     * simplified for {@code zoom} when given. The test uses the original geometry, never the simplified one.
     *
     * @throws IllegalArgumentException when zoom is outside [0, {@value #MAX_ZOOM}] or bbox is null
     */
    public List<ViewportFeature<T>> query(Envelope bbox, OptionalInt zoom) {
        if (bbox == null) {
            throw new IllegalArgumentException("bbox: is required but missing");
        }
        zoom.ifPresent(ViewportIndex::checkZoom);
        Geometry box = geometries.isEmpty() ? null : geometries.get(0).getFactory().toGeometry(bbox);
        List<Integer> hits = new ArrayList<>();
        for (Object o : tree.query(bbox)) {
            int i = (Integer) o;
            // a geometry whose envelope lies inside the box intersects it: skip the exact test (the common case of
            // a view showing the whole layer)
            if (bbox.covers(geometries.get(i).getEnvelopeInternal()) || geometries.get(i).intersects(box)) {
                hits.add(i);
            }
        }
        hits.sort(null);
        List<ViewportFeature<T>> out = new ArrayList<>(hits.size());
        for (int i : hits) {
            out.add(feature(i, zoom));
        }
        return out;
    }

    /**
     * The geometry to draw for item {@code index} (its position in the input list) at {@code zoom}: simplified when a
     * zoom is given, the original otherwise. Lets a caller filter and page the answer of {@link #query} without
     * geometries first and simplify only what it returns.
     *
     * @throws IllegalArgumentException when index is outside [0, size) or zoom outside [0, {@value #MAX_ZOOM}]
     */
    public Geometry displayGeometry(int index, OptionalInt zoom) {
        if (index < 0 || index >= items.size()) {
            throw new IllegalArgumentException("index: must be in [0, " + items.size() + "), was " + index);
        }
        zoom.ifPresent(ViewportIndex::checkZoom);
        Geometry g = geometries.get(index);
        if (zoom.isEmpty() || g instanceof Puntal) {
            return g;
        }
        AtomicReferenceArray<Geometry> cache = simplified.get(zoom.getAsInt());
        Geometry s = cache.get(index);
        if (s == null) {
            s = simplify(g, toleranceDegrees(zoom.getAsInt()));
            cache.set(index, s);
        }
        return s;
    }

    private ViewportFeature<T> feature(int i, OptionalInt zoom) {
        return new ViewportFeature<>(items.get(i), i, displayGeometry(i, zoom));
    }

    private static Geometry simplify(Geometry g, double tolerance) {
        Geometry s;
        if (g instanceof Polygonal) {
            s = TopologyPreservingSimplifier.simplify(g, tolerance);
        } else if (g instanceof Lineal) {
            s = DouglasPeuckerSimplifier.simplify(g, tolerance);
        } else {
            s = TopologyPreservingSimplifier.simplify(g, tolerance);
        }
        return s.isEmpty() ? g : s;
    }

    private static void checkZoom(int zoom) {
        if (zoom < 0 || zoom > MAX_ZOOM) {
            throw new IllegalArgumentException("zoom: must be in [0, " + MAX_ZOOM + "], was " + zoom);
        }
    }
}
