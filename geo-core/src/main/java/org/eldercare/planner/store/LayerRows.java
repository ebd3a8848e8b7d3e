package org.eldercare.planner.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.io.ReadException;
import org.eldercare.planner.io.gpkg.LayerSchema.Field;
import org.eldercare.planner.model.InputProblem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;

/** Row plumbing shared by the stores: typed column values ↔ feature properties, decoding with all errors. */
final class LayerRows {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private LayerRows() {}

    /** {@code "a", "b", …}: the layer's attribute columns, quoted, comma-separated. */
    static String columnList(StoredLayer<?> layer) {
        StringBuilder sb = new StringBuilder();
        for (Field f : layer.fields()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append('"').append(f.name()).append('"');
        }
        return sb.toString();
    }

    /** Reads the layer's attribute columns from the current row, starting at column index {@code first}. */
    static Map<String, Object> readProperties(ResultSet rs, StoredLayer<?> layer, int first) throws SQLException {
        Map<String, Object> props = new LinkedHashMap<>();
        int i = first;
        for (Field f : layer.fields()) {
            Object v = switch (f.type()) {
                case TEXT -> rs.getString(i);
                case INTEGER -> {
                    long l = rs.getLong(i);
                    yield rs.wasNull() ? null : l;
                }
                case REAL -> {
                    double d = rs.getDouble(i);
                    yield rs.wasNull() ? null : d;
                }
                case BOOLEAN -> {
                    boolean b = rs.getBoolean(i);
                    yield rs.wasNull() ? null : b;
                }
                case JSON -> {
                    String s = rs.getString(i);
                    try {
                        yield s == null ? null : JSON.readValue(s, Object.class);
                    } catch (JsonProcessingException e) {
                        throw new IllegalArgumentException(f.name() + ": invalid JSON: " + e.getOriginalMessage());
                    }
                }
            };
            if (v != null) {
                props.put(f.name(), v);
            }
            i++;
        }
        return props;
    }

    /** Binds the feature's properties to the layer's columns, starting at parameter index {@code first}. */
    static void bindProperties(PreparedStatement ps, StoredLayer<?> layer, Feature f, int first) throws SQLException {
        int i = first;
        for (Field field : layer.fields()) {
            Object v = f.properties().get(field.name());
            if (v == null) {
                ps.setNull(i, switch (field.type()) {
                    case TEXT -> Types.VARCHAR;
                    case INTEGER -> Types.BIGINT;
                    case REAL -> Types.DOUBLE;
                    case BOOLEAN -> Types.BOOLEAN;
                    case JSON -> Types.OTHER;
                });
            } else {
                switch (field.type()) {
                    case TEXT -> ps.setString(i, (String) v);
                    case INTEGER -> ps.setLong(i, ((Number) v).longValue());
                    case REAL -> ps.setDouble(i, ((Number) v).doubleValue());
                    case BOOLEAN -> ps.setBoolean(i, (Boolean) v);
                    case JSON -> ps.setString(i, toJson(v));
                    default -> throw new IllegalStateException("unhandled type " + field.type());
                }
            }
            i++;
        }
    }

    static String toJson(Object v) {
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A stored row before decoding: its primary key (for messages), geometry and properties. */
    record StoredRow(long fid, Geometry geometry, Map<String, Object> properties) {}

    /** Turns a stored geometry value (null when the column is NULL) into a JTS geometry in lon/lat. */
    interface GeometryDecoder {
        Geometry decode(byte[] stored) throws ParseException;
    }

    /**
     * Reads every row of {@code rs} (columns: fid, geometry bytes, then the layer's attribute columns in
     * {@link #columnList} order) and decodes them into model records. Rows whose geometry {@code keep} rejects are
     * skipped. Every failure (geometry or field) is collected into one {@link ReadException} naming the store
     * ({@code location}), the layer and row, and the field.
     */
    static <T> List<T> readAll(String location, StoredLayer<T> layer, ResultSet rs, GeometryDecoder geometry,
            Predicate<Geometry> keep) throws SQLException {
        List<StoredRow> rows = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        while (rs.next()) {
            long fid = rs.getLong(1);
            try {
                Geometry g = geometry.decode(rs.getBytes(2));
                if (keep.test(g)) {
                    rows.add(new StoredRow(fid, g, readProperties(rs, layer, 3)));
                }
            } catch (ParseException | IllegalArgumentException e) {
                problems.add(new InputProblem(location, layer.table() + " fid " + fid, null,
                    e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ReadException(problems);
        }
        return decodeAll(location, layer, rows);
    }

    /**
     * Decodes rows into model records, collecting every failure into one {@link ReadException} naming the store,
     * the layer and row, and the field.
     */
    private static <T> List<T> decodeAll(String location, StoredLayer<T> layer, List<StoredRow> rows) {
        List<T> out = new ArrayList<>(rows.size());
        List<InputProblem> problems = new ArrayList<>();
        for (StoredRow r : rows) {
            try {
                out.add(layer.decode(new Feature("", r.geometry(), r.properties())));
            } catch (org.eldercare.planner.model.InvalidValueException e) {
                problems.add(new InputProblem(location, layer.table() + " fid " + r.fid(), e.field(),
                    e.getMessage()));
            } catch (IllegalArgumentException | ClassCastException | ArithmeticException e) {
                problems.add(new InputProblem(location, layer.table() + " fid " + r.fid(), null,
                    e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ReadException(problems);
        }
        return out;
    }

    /**
     * The items as features, in order, checking each item is non-null, its id unique, and its geometry fits the
     * layer (failing with the index and id). Lazy: an item is read from {@code items} only when its feature is.
     */
    static <T> Iterable<Feature> encode(StoredLayer<T> layer, Iterable<? extends T> items) {
        return () -> new Iterator<>() {
            private final Iterator<? extends T> it = items.iterator();
            private final Set<String> ids = new HashSet<>();
            private int index;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Feature next() {
                T item = it.next();
                if (item == null) {
                    throw new IllegalArgumentException(layer.table() + "[" + index + "]: item is null");
                }
                String id = layer.idOf(item);
                if (!ids.add(id)) {
                    throw new IllegalArgumentException(layer.table() + "[" + index + "]." + layer.idColumn()
                        + ": duplicate id '" + id + "'");
                }
                index++;
                return layer.encode(item);
            }
        };
    }

    /** Applies {@code f} to every element lazily. */
    static <A, B> Iterable<B> map(Iterable<A> in, Function<A, B> f) {
        return () -> new Iterator<>() {
            private final Iterator<A> it = in.iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public B next() {
                return f.apply(it.next());
            }
        };
    }
}
