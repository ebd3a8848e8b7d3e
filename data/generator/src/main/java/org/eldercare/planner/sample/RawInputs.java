package org.eldercare.planner.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eldercare.planner.io.osm.OsmHandler;
import org.eldercare.planner.io.osm.OsmXmlReader;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.model.RoadSegment;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * The real inputs of the sample, read from {@code shared/data/raw} (see its SOURCES.md): the geoBoundaries county
 * outline, NBS 2023 township and village codes, 2020 census totals, GeoNames township seats, and the OSM extract of
 * the town centre (highway ways as {@link RoadSegment}s, named {@code place} and {@code amenity=townhall} nodes).
 * Immutable.
 *
 * @param countyCode   6-digit county code
 * @param outline      county outline, WGS84 (geoBoundaries 2017, ODbL)
 * @param census       census-derived totals
 * @param townships    NBS township-tier units (乡镇/街道 and township-level farms), sorted by code
 * @param communities  NBS village-tier units (居委会/村委会), sorted by code
 * @param geonamesSeats GeoNames township seats keyed by 9-digit NBS code
 * @param citySeat     GeoNames seat of the county-level city (PPLA3)
 * @param osmPlaces    OSM nodes with a {@code place} tag, keyed by name (first by id when a name repeats)
 * @param roads        OSM highway ways of the town centre, sorted by id
 * @param osmFile      the town-centre OSM file
 */
record RawInputs(String countyCode, Polygon outline, CensusTotals census, List<NbsUnit> townships,
        List<NbsUnit> communities, Map<String, Point> geonamesSeats, Point citySeat, Map<String, Point> osmPlaces,
        List<RoadSegment> roads, Path osmFile) {

    /** A statistical division unit from the NBS code tables. */
    record NbsUnit(String code, String name, String parentCode) {}

    static final String GUIXI = "360681";
    static final String OUTLINE = "boundaries/geoboundaries_chn_adm3/guixi_360681_geoboundaries2017.geojson";
    static final String STREETS = "divisions/nbs_2023/nbs2023_streets_selected.csv";
    static final String VILLAGES = "divisions/nbs_2023/nbs2023_villages_selected.csv";
    static final String POPULATION = "population/census2020_county/census2020_population_selected.csv";
    static final String AGES = "population/census2020_county/census2020_ages_selected.csv";
    static final String HOUSEHOLDS = "population/census2020_county/census2020_households_selected.csv";
    static final String GEONAMES = "places/geonames_cities500/geonames_cities500_selected_counties.csv";
    static final String GUIXI_OSM = "osm/guixi_360681/guixi_center_2024-11.osm";
    static final String HAIDIAN_OSM = "osm/beijing_haidian_110108/haidian_wudaokou_2017-06.osm";

    RawInputs {
        townships = List.copyOf(townships);
        communities = List.copyOf(communities);
        geonamesSeats = Map.copyOf(geonamesSeats);
        osmPlaces = Map.copyOf(osmPlaces);
        roads = List.copyOf(roads);
    }

    /**
     * Reads the Guixi inputs below {@code rawDir}.
     *
     * @throws IOException              when a file cannot be read
     * @throws IllegalArgumentException naming the file and what is wrong when a file lacks the expected content
     */
    static RawInputs read(Path rawDir) throws IOException {
        Polygon outline = readOutline(rawDir.resolve(OUTLINE));
        CensusTotals census = readCensus(rawDir);
        List<NbsUnit> townships = new ArrayList<>();
        for (Map<String, String> row : csv(rawDir.resolve(STREETS))) {
            if (GUIXI.equals(row.get("areaCode"))) {
                townships.add(new NbsUnit(row.get("code"), row.get("name"), GUIXI));
            }
        }
        List<NbsUnit> communities = new ArrayList<>();
        for (Map<String, String> row : csv(rawDir.resolve(VILLAGES))) {
            if (GUIXI.equals(row.get("areaCode"))) {
                communities.add(new NbsUnit(row.get("code"), row.get("name"), row.get("streetCode")));
            }
        }
        townships.sort((a, b) -> a.code().compareTo(b.code()));
        communities.sort((a, b) -> a.code().compareTo(b.code()));
        if (townships.isEmpty() || communities.isEmpty()) {
            throw new IllegalArgumentException(rawDir.resolve(STREETS) + ": no township or village rows for " + GUIXI);
        }
        Map<String, Point> seats = new TreeMap<>();
        Point citySeat = null;
        for (Map<String, String> row : csv(rawDir.resolve(GEONAMES))) {
            if (!GUIXI.equals(row.get("county_adcode")) || !"yes".equals(row.get("inside_county_polygon"))) {
                continue;
            }
            Point p = LocalFrame.point(Double.parseDouble(row.get("lon")), Double.parseDouble(row.get("lat")));
            String code = row.get("nbs2023_street_code");
            if (code != null && !code.isEmpty()) {
                seats.put(code, p);
            } else if ("PPLA3".equals(row.get("feature_code"))) {
                citySeat = p;
            }
        }
        if (citySeat == null) {
            throw new IllegalArgumentException(rawDir.resolve(GEONAMES) + ": no PPLA3 seat for " + GUIXI);
        }
        Path osm = rawDir.resolve(GUIXI_OSM);
        OsmCollector osmData = new OsmCollector();
        OsmXmlReader.read(osm, osmData);
        return new RawInputs(GUIXI, outline, census, townships, communities, seats, citySeat, osmData.places,
            osmData.roads(), osm);
    }

    private static Polygon readOutline(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        JsonNode features = root.path("features");
        if (features.size() != 1) {
            throw new IllegalArgumentException(file + ": expected 1 feature, found " + features.size());
        }
        try {
            Geometry g = new GeoJsonReader(Geometries.WGS84).read(features.get(0).get("geometry").toString());
            if (!(g instanceof Polygon p) || !p.isValid()) {
                throw new IllegalArgumentException(file + ": geometry must be one valid Polygon, was "
                    + g.getGeometryType());
            }
            p.setSRID(Geometries.WGS84_SRID);
            return p;
        } catch (ParseException e) {
            throw new IllegalArgumentException(file + ": unreadable geometry: " + e.getMessage(), e);
        }
    }

    private static CensusTotals readCensus(Path rawDir) throws IOException {
        Map<String, String> pop = row(rawDir.resolve(POPULATION), GUIXI);
        Map<String, String> ages = row(rawDir.resolve(AGES), GUIXI);
        Map<String, String> hh = row(rawDir.resolve(HOUSEHOLDS), GUIXI);
        return CensusTotals.fromTables(GUIXI, pop.get("NAME"), Long.parseLong(pop.get("POPU")),
            ages.get("AGES_60-64"), ages.get("AGES_65P"), ages.get("AGES_80-84"), ages.get("AGES_85P"),
            hh.get("HHLD_R"), hh.get("HHLD_S"), pop.get("POPU_URB"));
    }

    private static Map<String, String> row(Path file, String code) throws IOException {
        for (Map<String, String> r : csv(file)) {
            if (code.equals(r.get("CODE"))) {
                return r;
            }
        }
        throw new IllegalArgumentException(file + ": no row with CODE " + code);
    }

    /** Reads a plain comma-separated file with a header (no quoted fields; BOM and CR tolerated). */
    static List<Map<String, String>> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty file");
        }
        String[] header = lines.get(0).replace("\uFEFF", "").strip().split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != header.length) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected " + header.length
                    + " fields, found " + cells.length);
            }
            Map<String, String> r = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                r.put(header[c].strip(), cells[c].strip());
            }
            rows.add(r);
        }
        return rows;
    }

    /** Keeps node positions, named place nodes and highway ways. */
    private static final class OsmCollector implements OsmHandler {
        private final Map<Long, Coordinate> nodes = new HashMap<>();
        private final Map<String, Point> places = new TreeMap<>();
        private final Map<String, Long> placeIds = new HashMap<>();
        private final TreeMap<Long, RoadSegment> roads = new TreeMap<>();

        @Override
        public void node(long id, double lon, double lat, Map<String, String> tags) {
            nodes.put(id, new Coordinate(lon, lat));
            String name = tags.get("name");
            if (name != null && (tags.containsKey("place") || "townhall".equals(tags.get("amenity")))) {
                Long prev = placeIds.get(name);
                if (prev == null || id < prev) {
                    placeIds.put(name, id);
                    places.put(name, LocalFrame.point(lon, lat));
                }
            }
        }

        @Override
        public void way(long id, long[] nodeRefs, Map<String, String> tags) {
            if (!tags.containsKey("highway")) {
                return;
            }
            List<Coordinate> cs = new ArrayList<>();
            for (long ref : nodeRefs) {
                Coordinate c = nodes.get(ref);
                if (c != null && (cs.isEmpty() || !cs.get(cs.size() - 1).equals2D(c))) {
                    cs.add(c);
                }
            }
            if (cs.size() >= 2) {
                roads.put(id, new RoadSegment("w" + id,
                    Geometries.WGS84.createLineString(cs.toArray(Coordinate[]::new)), new TreeMap<>(tags)));
            }
        }

        List<RoadSegment> roads() {
            return new ArrayList<>(roads.values());
        }
    }
}
