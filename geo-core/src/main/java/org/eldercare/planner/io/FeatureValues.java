package org.eldercare.planner.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/** Value conversions shared by the layer codecs and {@link FeatureRow}: attribute values to numbers and texts, model
 * values to feature properties (whole numbers as integers, enums as lower-case ids). */
final class FeatureValues {
    private FeatureValues() {}

    /** A feature's properties under the mapping's output names, in insertion order. Not thread-safe. */
    static final class Props {
        final AttributeMapping mapping;
        final LayerKind kind;
        final Map<String, Object> map = new LinkedHashMap<>();

        Props(AttributeMapping mapping, LayerKind kind) {
            this.mapping = mapping;
            this.kind = kind;
        }

        void put(String field, Object value) {
            String name = kind.fields().contains(field) ? mapping.outputName(kind, field) : field;
            map.put(name, value);
        }

        void put(String field, OptionalLong value) {
            value.ifPresent(v -> put(field, (Object) v));
        }
    }

    static String stringOf(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        if (v instanceof BigDecimal bd) {
            return bd.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    static Long wholeNumber(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger) {
            return null;
        }
        Double d = decimal(v);
        if (d == null || !Double.isFinite(d) || d != Math.rint(d) || Math.abs(d) > 9.0e15) {
            return null;
        }
        return (long) (double) d;
    }

    static Double decimal(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Whole doubles as Long (JSON {@code 850} rather than {@code 850.0}); others as Double. */
    static Object number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 9.0e15 ? (Object) (long) v : (Object) v;
    }

    static String enumId(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
