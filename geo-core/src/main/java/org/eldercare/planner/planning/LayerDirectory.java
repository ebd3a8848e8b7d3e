package org.eldercare.planner.planning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.eldercare.planner.io.FeatureLayer;
import org.eldercare.planner.io.LayerFiles;
import org.eldercare.planner.io.LayerMapper;
import org.eldercare.planner.io.ReadOptions;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.InvalidValueException;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.model.RoadSegment;

/**
 * A directory of layer files as planning data, the way a bureau keeps a county's data (and the committed sample,
 * {@code data/guixi}): one file per layer, named by the layer, in any format {@link LayerFiles} reads (GeoJSON,
 * GeoPackage, CSV, Shapefile, Excel), e.g. {@code townships.shp} next to {@code facilities.xlsx}.
 * <ul>
 *   <li>admin units: {@code city}, {@code county}, {@code townships}, {@code communities}, {@code admin_units} or
 *       {@code admin-units} (all that exist, in that order; at least one);</li>
 *   <li>{@code facilities} and {@code demand_points} (or {@code demand-points}), required; a demand point without an
 *       admin code counts in the unit it lies in ({@link LayerMapper#demandPoints(FeatureLayer, List)});</li>
 *   <li>{@code medical_facilities}, {@code residential_districts} (or {@code districts}), optional;</li>
 *   <li>roads: a {@code roads} file, else the directory's single {@code .osm}/{@code .osm.pbf} file.</li>
 * </ul>
 * Two files for one layer ({@code facilities.csv} and {@code facilities.xlsx}) are refused rather than one picked.
 * Stateless.
 */
public final class LayerDirectory {
    private static final List<String> EXTENSIONS = List.of(".geojson", ".json", ".gpkg", ".csv", ".shp", ".xlsx");

    private LayerDirectory() {}

    /**
     * Reads the directory with the default attribute mapping.
     *
     * @throws InvalidValueException (field {@code data}) for a missing directory, a missing required layer or two
     *                               files for one layer
     * @throws IOException           when a file cannot be read
     */
    public static PlanningData read(Path dir, ReadOptions options) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new InvalidValueException("data", dir.toString(), dir + " is not a directory of layer files");
        }
        LayerMapper m = LayerMapper.defaults();
        List<AdminUnit> units = new ArrayList<>();
        for (String n : List.of("city", "county", "townships", "communities", "admin_units", "admin-units")) {
            Optional<Path> f = find(dir, n);
            if (f.isPresent()) {
                units.addAll(m.adminUnits(layer(f.get(), options)));
            }
        }
        if (units.isEmpty()) {
            throw new InvalidValueException("data", dir.toString(), dir + " has no admin-unit layer (county, townships, "
                + "communities, … as " + String.join("/", EXTENSIONS) + ")");
        }
        Path facilities = required(dir, "facilities");
        Path demand = find(dir, "demand_points").or(() -> find(dir, "demand-points"))
            .orElseThrow(() -> missing(dir, "demand_points"));
        Optional<Path> medical = find(dir, "medical_facilities");
        Optional<Path> districts = find(dir, "residential_districts").or(() -> find(dir, "districts"));
        List<RoadSegment> roads;
        Optional<Path> roadsFile = find(dir, "roads");
        if (roadsFile.isPresent()) {
            roads = m.roads(layer(roadsFile.get(), options));
        } else {
            List<Path> osm;
            try (Stream<Path> s = Files.list(dir)) {
                osm = s.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.osm(\\.pbf)?"))
                    .sorted().toList();
            }
            if (osm.size() != 1) {
                throw new InvalidValueException("data", dir.toString(), dir + " needs a roads file or exactly one "
                    + ".osm/.osm.pbf file, found " + osm.size());
            }
            roads = m.roads(LayerFiles.readLayer(osm.get(0), "roads", options));
        }
        return new PlanningData(dir.getFileName().toString(), units, m.facilities(layer(facilities, options)),
            medical.isPresent() ? m.medicalFacilities(layer(medical.get(), options)) : List.of(),
            districts.isPresent() ? m.districts(layer(districts.get(), options)) : List.of(),
            m.demandPoints(layer(demand, options), units), roads);
    }

    private static FeatureLayer layer(Path file, ReadOptions options) throws IOException {
        return LayerFiles.readLayer(file, null, options);
    }

    /** The file of layer {@code base} in any readable format, or empty; two of them is an error. */
    private static Optional<Path> find(Path dir, String base) {
        List<Path> found = new ArrayList<>();
        for (String ext : EXTENSIONS) {
            Path f = dir.resolve(base + ext);
            if (Files.isRegularFile(f)) {
                found.add(f);
            }
        }
        if (found.size() > 1) {
            throw new InvalidValueException("data", dir.toString(), dir + " has " + found.size() + " files for layer "
                + base + ": " + found.stream().map(p -> p.getFileName().toString()).toList() + "; keep one");
        }
        return found.stream().findFirst();
    }

    private static Path required(Path dir, String base) {
        return find(dir, base).orElseThrow(() -> missing(dir, base));
    }

    private static InvalidValueException missing(Path dir, String base) {
        return new InvalidValueException("data", dir.toString(), dir + " has no " + base + " layer ("
            + String.join("/", EXTENSIONS) + ")");
    }
}
