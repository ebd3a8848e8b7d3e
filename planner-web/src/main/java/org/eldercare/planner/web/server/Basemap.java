package org.eldercare.planner.web.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eldercare.planner.io.MbTiles;

/**
 * A tile basemap for the page: an XYZ URL template ({@code {z}/{x}/{y}}, optional {@code {s}} subdomains), its
 * attribution and maximum zoom, plus an optional label overlay. Only WGS84-compatible basemaps belong here (OSM, or
 * Tianditu, which is in CGCS2000 and so within centimetres of WGS84, or a local MBTiles file): our layers are WGS84
 * and would be drawn 100–700 m off on a GCJ-02 basemap, so the tile hosts of AMap, Tencent and Baidu are refused with
 * a note. Immutable.
 *
 * @param name            short name shown in the layer switcher, e.g. {@code osm}
 * @param urlTemplate     XYZ tile URL template
 * @param subdomains      values for {@code {s}}; empty when the template has none
 * @param attribution     attribution text (HTML allowed, as Leaflet shows it)
 * @param maxZoom         highest zoom with tiles, in [1, 24]
 * @param overlayTemplate an optional labels overlay drawn above the basemap
 * @param localTiles      the MBTiles file this server serves the tiles from ({@code /tiles/{z}/{x}/{y}.png}), for
 *                        sites without network access; empty for a tile server on the network
 */
public record Basemap(String name, String urlTemplate, List<String> subdomains, String attribution, int maxZoom,
        Optional<String> overlayTemplate, Optional<MbTiles> localTiles) {
    /** Tile hosts of Chinese consumer maps, whose tiles are in GCJ-02 (or Baidu's BD-09), not WGS84. */
    static final List<String> SHIFTED_HOSTS = List.of("autonavi.com", "amap.com", "map.qq.com", "gtimg.com",
        "map.baidu.com", "bdimg.com", "bdstatic.com");

    public Basemap {
        if (urlTemplate == null || !urlTemplate.contains("{z}") || !urlTemplate.contains("{x}")
                || !urlTemplate.contains("{y}")) {
            throw new IllegalArgumentException("basemap: the tile URL template must contain {z}, {x} and {y}, was '"
                + urlTemplate + "'");
        }
        if (maxZoom < 1 || maxZoom > 24) {
            throw new IllegalArgumentException("maxZoom: must be in [1, 24], was " + maxZoom);
        }
        subdomains = List.copyOf(subdomains);
        String lower = urlTemplate.toLowerCase(java.util.Locale.ROOT);
        for (String host : SHIFTED_HOSTS) {
            if (lower.contains(host)) {
                throw new IllegalArgumentException("basemap: " + host + " serves GCJ-02 (or BD-09) tiles: every layer "
                    + "of this map is WGS84 and would be drawn 100–700 m off. Use tianditu (CGCS2000, within "
                    + "centimetres of WGS84), osm, a WGS84 tile server of your own, or an MBTiles file");
            }
        }
    }

    /** OpenStreetMap's standard tiles (WGS84 data, web-mercator tiles). */
    public static Basemap osm() {
        return new Basemap("osm", "https://tile.openstreetmap.org/{z}/{x}/{y}.png", List.of(),
            "&copy; OpenStreetMap contributors", 19, Optional.empty(), Optional.empty());
    }

    /**
     * 天地图 Tianditu vector map with Chinese labels (CGCS2000, web-mercator tiles).
     *
     * @param key a Tianditu browser key (tk)
     * @throws IllegalArgumentException when the key is blank
     */
    public static Basemap tianditu(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("tiandituKey: a Tianditu key (tk) is required for the tianditu basemap");
        }
        String base = "https://t{s}.tianditu.gov.cn/%s_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=%s"
            + "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=" + key.strip();
        return new Basemap("tianditu", String.format(base, "vec", "vec"),
            List.of("0", "1", "2", "3", "4", "5", "6", "7"), "&copy; 天地图 Tianditu", 18,
            Optional.of(String.format(base, "cva", "cva")), Optional.empty());
    }

    /** Any other WGS84-compatible XYZ template. */
    public static Basemap custom(String urlTemplate, String attribution) {
        return new Basemap("custom", urlTemplate, List.of("a", "b", "c"), attribution == null ? "" : attribution, 19,
            Optional.empty(), Optional.empty());
    }

    /** A local MBTiles file, served by this server under {@code tiles/} (offline sites). */
    public static Basemap mbtiles(MbTiles tiles) {
        return new Basemap("mbtiles", "tiles/{z}/{x}/{y}." + tiles.format(), List.of(), tiles.attribution(),
            Math.max(1, Math.min(24, tiles.maxZoom())), Optional.empty(), Optional.of(tiles));
    }

    /** The JSON the page reads from {@code /api/config}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("urlTemplate", urlTemplate);
        m.put("subdomains", subdomains);
        m.put("attribution", attribution);
        m.put("maxZoom", maxZoom);
        m.put("overlayTemplate", overlayTemplate.orElse(null));
        return m;
    }
}
