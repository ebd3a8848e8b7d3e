package org.eldercare.planner.io;

import java.util.Optional;
import org.eldercare.planner.crs.Crs;

/**
 * How to read a file. Immutable.
 *
 * @param crs         the CRS of the file's coordinates when the file does not say (GeoJSON without {@code crs}
 *                    member, CSV); empty means WGS84. A file that declares a different CRS is refused (both are
 *                    named in the error). Use {@link Crs#GCJ02} for data copied from Chinese consumer maps.
 * @param chinaExtent true for a Chinese profile: coordinates outside China's extent are reported as problems
 * @param lonColumn   CSV: name of the longitude (or easting) column; empty = detect lon/lng/longitude/经度
 * @param latColumn   CSV: name of the latitude (or northing) column; empty = detect lat/latitude/纬度
 * @param wktColumn   CSV: name of a WKT geometry column; empty = detect wkt/geometry/geom/the_geom
 * @param encoding    Shapefile: the DBF's character set (e.g. {@code GBK}, {@code UTF-8}) when the file has no
 *                    {@code .cpg} and no code-page byte; empty = from the file
 */
public record ReadOptions(Optional<Crs> crs, boolean chinaExtent, Optional<String> lonColumn,
        Optional<String> latColumn, Optional<String> wktColumn, Optional<String> encoding) {

    public ReadOptions {
        java.util.Objects.requireNonNull(crs, "crs");
        java.util.Objects.requireNonNull(lonColumn, "lonColumn");
        java.util.Objects.requireNonNull(latColumn, "latColumn");
        java.util.Objects.requireNonNull(wktColumn, "wktColumn");
        java.util.Objects.requireNonNull(encoding, "encoding");
        encoding.ifPresent(e -> {
            if (!java.nio.charset.Charset.isSupported(e)) {
                throw new IllegalArgumentException("encoding: unknown character set '" + e
                    + "'; e.g. GBK, GB18030, UTF-8");
            }
        });
        if (lonColumn.isPresent() != latColumn.isPresent()) {
            throw new IllegalArgumentException("lonColumn/latColumn: give both or neither, was lon="
                + lonColumn.orElse("<none>") + " lat=" + latColumn.orElse("<none>"));
        }
    }

    /** WGS84 unless the file says otherwise, no China extent check, detected CSV columns. */
    public static ReadOptions defaults() {
        return new ReadOptions(Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());
    }

    /** Defaults plus the China extent check (for a Chinese planning profile). */
    public static ReadOptions china() {
        return defaults().withChinaExtent(true);
    }

    public ReadOptions withCrs(Crs c) {
        return new ReadOptions(Optional.of(c), chinaExtent, lonColumn, latColumn, wktColumn, encoding);
    }

    public ReadOptions withChinaExtent(boolean check) {
        return new ReadOptions(crs, check, lonColumn, latColumn, wktColumn, encoding);
    }

    public ReadOptions withLonLatColumns(String lon, String lat) {
        return new ReadOptions(crs, chinaExtent, Optional.of(lon), Optional.of(lat), wktColumn, encoding);
    }

    public ReadOptions withWktColumn(String wkt) {
        return new ReadOptions(crs, chinaExtent, lonColumn, latColumn, Optional.of(wkt), encoding);
    }

    public ReadOptions withEncoding(String charset) {
        return new ReadOptions(crs, chinaExtent, lonColumn, latColumn, wktColumn, Optional.of(charset));
    }
}
