package org.eldercare.planner.spark;

import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Row schemas written compactly: {@code "name type"} per column, type one of string, int, long, double, binary; a
 * trailing {@code ?} makes the column nullable. */
final class Schemas {
    private static final Map<String, DataType> TYPES = Map.of("string", DataTypes.StringType, "int",
        DataTypes.IntegerType, "long", DataTypes.LongType, "double", DataTypes.DoubleType, "binary",
        DataTypes.BinaryType);

    private Schemas() {}

    static StructType of(String... columns) {
        StructType t = new StructType();
        for (String c : columns) {
            String[] p = c.trim().split("\\s+");
            boolean nullable = p[1].endsWith("?");
            DataType type = TYPES.get(nullable ? p[1].substring(0, p[1].length() - 1) : p[1]);
            if (type == null) {
                throw new IllegalArgumentException("schema column '" + c + "': unknown type");
            }
            t = t.add(p[0], type, nullable);
        }
        return t;
    }
}
