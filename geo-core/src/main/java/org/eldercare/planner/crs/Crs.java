package org.eldercare.planner.crs;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coordinate reference system the project reads and writes: WGS84 (EPSG:4326), CGCS2000 geographic
 * (EPSG:4490), CGCS2000 3-degree Gauss-Krüger zones (EPSG:4513–4554), UTM zones on WGS84 (EPSG:32601–32660
 * north, 32701–32760 south), or GCJ-02 (the obfuscated "Mars" coordinates of Chinese consumer maps, no EPSG code).
 *
 * <p>Axis order is always x = easting / longitude, y = northing / latitude, as in GeoJSON, whatever the EPSG
 * registry says about EPSG:4326 or 4490. CGCS2000 and WGS84 are treated as the same datum: the two frames differ
 * by a few centimetres, far below what facility planning resolves. Immutable.
 *
 * @param epsg EPSG code, or 0 for GCJ-02
 * @param gcj02 true only for {@link #GCJ02}
 */
public record Crs(int epsg, boolean gcj02) {
    /** WGS84 longitude/latitude, the CRS of every model geometry. */
    public static final Crs WGS84 = new Crs(4326, false);
    /** CGCS2000 longitude/latitude (China Geodetic Coordinate System 2000). */
    public static final Crs CGCS2000 = new Crs(4490, false);
    /** GCJ-02 longitude/latitude (国测局坐标, Gaode/Tencent/DataV); converted with {@link Gcj02}. */
    public static final Crs GCJ02 = new Crs(0, true);

    private static final Pattern EPSG = Pattern.compile(
        "(?:EPSG:{1,2}|URN:OGC:DEF:CRS:EPSG:[0-9.]*:|HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/EPSG/[0-9.]+/)(\\d+)");

    public Crs {
        if (gcj02 && epsg != 0) {
            throw new IllegalArgumentException("epsg: GCJ-02 has no EPSG code, was " + epsg);
        }
        if (!gcj02 && !isSupported(epsg)) {
            throw new IllegalArgumentException("epsg: unsupported EPSG code " + epsg + "; supported: " + SUPPORTED);
        }
    }

    /** Human-readable list of the supported codes, for error messages. */
    public static final String SUPPORTED =
        "4326, 4490, 4513-4554 (CGCS2000 3-degree Gauss-Krüger), 32601-32660 and 32701-32760 (UTM), gcj02";

    /** The CRS with this EPSG code; throws {@link IllegalArgumentException} for an unsupported code. */
    public static Crs epsg(int code) {
        if (code == 4326) {
            return WGS84;
        }
        if (code == 4490) {
            return CGCS2000;
        }
        return new Crs(code, false);
    }

    /** True for EPSG codes this project can transform. */
    public static boolean isSupported(int code) {
        return code == 4326 || code == 4490 || (code >= 4513 && code <= 4554)
            || (code >= 32601 && code <= 32660) || (code >= 32701 && code <= 32760);
    }

    /**
     * Parses {@code EPSG:4547}, {@code urn:ogc:def:crs:EPSG::4490}, {@code http://www.opengis.net/def/crs/EPSG/0/4326},
     * {@code urn:ogc:def:crs:OGC:1.3:CRS84} / {@code CRS84} (= WGS84 lon/lat), a bare code {@code 4547}, or
     * {@code gcj02} / {@code GCJ-02} / {@code gcj}. Case-insensitive.
     *
     * @throws IllegalArgumentException naming the text and the supported identifiers when it is not recognised
     */
    public static Crs parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("crs: missing CRS identifier; expected e.g. EPSG:4326 or gcj02");
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.equals("GCJ02") || t.equals("GCJ-02") || t.equals("GCJ") || t.equals("GCJ_02")) {
            return GCJ02;
        }
        if (t.equals("CRS84") || t.endsWith("OGC:1.3:CRS84") || t.endsWith("OGC::CRS84") || t.equals("WGS84")
            || t.endsWith("/OGC/1.3/CRS84")) {
            return WGS84;
        }
        if (t.equals("CGCS2000")) {
            return CGCS2000;
        }
        String digits = null;
        if (t.matches("\\d+")) {
            digits = t;
        } else {
            Matcher m = EPSG.matcher(t);
            if (m.matches()) {
                digits = m.group(1);
            }
        }
        if (digits == null || digits.length() > 9) {
            throw new IllegalArgumentException("crs: unrecognised CRS identifier '" + text
                + "'; expected EPSG:<code>, urn:ogc:def:crs:EPSG::<code> or gcj02 (supported: " + SUPPORTED + ")");
        }
        int code = Integer.parseInt(digits);
        if (!isSupported(code)) {
            throw new IllegalArgumentException("crs: unsupported CRS '" + text + "'; supported: " + SUPPORTED);
        }
        return epsg(code);
    }

    /** True for longitude/latitude systems (4326, 4490, GCJ-02). */
    public boolean isGeographic() {
        return gcj02 || epsg == 4326 || epsg == 4490;
    }

    /** Canonical identifier: {@code EPSG:4547} or {@code GCJ-02}. */
    public String id() {
        return gcj02 ? "GCJ-02" : "EPSG:" + epsg;
    }

    /** The OGC URN, as written into a GeoJSON {@code crs} member; GCJ-02 has none and gives {@code GCJ-02}. */
    public String urn() {
        return gcj02 ? "GCJ-02" : "urn:ogc:def:crs:EPSG::" + epsg;
    }

    /** SRID to put on JTS geometries in this CRS (0 for GCJ-02, which has no EPSG code). */
    public int srid() {
        return epsg;
    }

    @Override
    public String toString() {
        return id();
    }
}
