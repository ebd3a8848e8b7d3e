package org.eldercare.planner.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.io.FeatureLayer;
import org.eldercare.planner.io.GeoJsonWriter;
import org.eldercare.planner.io.LayerFiles;
import org.eldercare.planner.io.LayerMapper;
import org.eldercare.planner.io.ReadOptions;
import org.eldercare.planner.io.gpkg.GeoPackageWriter;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.PlanningData;

/**
 * The sample's files: every layer in the GeoPackage {@value #GPKG} (one table per model layer, see {@link #TABLES}),
 * and GeoJSON copies of the small layers next to it ({@link #GEOJSON}; roads are not copied, the OSM extract is).
 * Features are made by the io {@link LayerMapper} with its default attribute names, so {@code LayerFiles} and the
 * mapper read them back into the same records.
 */
final class SampleLayers {
    static final String GPKG = "guixi.gpkg";
    /** GeoPackage tables, in writing order. */
    static final List<String> TABLES = List.of("admin_units", "facilities", "medical_facilities",
        "residential_districts", "demand_points", "roads");
    static final List<String> GEOJSON = List.of("county.geojson", "townships.geojson", "communities.geojson",
        "facilities.geojson", "medical_facilities.geojson", "residential_districts.geojson",
        "demand_points.geojson");

    private SampleLayers() {}

    /** Writes the GeoPackage (replacing any old file) and the GeoJSON copies into {@code dir}. */
    static void write(PlanningData data, Path dir) throws IOException {
        LayerMapper m = LayerMapper.defaults();
        Map<String, List<Feature>> layers = new LinkedHashMap<>();
        layers.put(TABLES.get(0), m.adminUnitFeatures(data.adminUnits()));
        layers.put(TABLES.get(1), m.facilityFeatures(data.facilities()));
        layers.put(TABLES.get(2), m.medicalFacilityFeatures(data.medicalFacilities()));
        layers.put(TABLES.get(3), m.districtFeatures(data.districts()));
        layers.put(TABLES.get(4), m.demandPointFeatures(data.demandPoints()));
        layers.put(TABLES.get(5), m.roadFeatures(data.roads()));
        Path gpkg = dir.resolve(GPKG);
        Files.deleteIfExists(gpkg);
        GeoPackageWriter.write(gpkg, layers);

        GeoJsonWriter.write(dir.resolve(GEOJSON.get(0)),
            m.adminUnitFeatures(units(data, u -> u.level() == AdminLevel.COUNTY)));
        GeoJsonWriter.write(dir.resolve(GEOJSON.get(1)), m.adminUnitFeatures(units(data, u -> u.level().isTownshipTier())));
        GeoJsonWriter.write(dir.resolve(GEOJSON.get(2)),
            m.adminUnitFeatures(units(data, u -> u.level().isCommunityTier())));
        GeoJsonWriter.write(dir.resolve(GEOJSON.get(3)), layers.get(TABLES.get(1)));
        GeoJsonWriter.write(dir.resolve(GEOJSON.get(4)), layers.get(TABLES.get(2)));
        GeoJsonWriter.write(dir.resolve(GEOJSON.get(5)), layers.get(TABLES.get(3)));
        GeoJsonWriter.write(dir.resolve(GEOJSON.get(6)), layers.get(TABLES.get(4)));
    }

    /**
     * Reads a sample GeoPackage back into one {@link PlanningData}.
     *
     * @throws IOException                             when the file cannot be read
     * @throws org.eldercare.planner.io.ReadException  listing every bad feature
     * @throws IllegalArgumentException                when a table is missing
     */
    static PlanningData read(Path gpkg) throws IOException {
        Map<String, FeatureLayer> byName = new LinkedHashMap<>();
        for (FeatureLayer l : LayerFiles.read(gpkg, ReadOptions.defaults())) {
            byName.put(l.name(), l);
        }
        for (String t : TABLES) {
            if (!byName.containsKey(t)) {
                throw new IllegalArgumentException(gpkg + ": table '" + t + "' missing; tables: " + byName.keySet());
            }
        }
        LayerMapper m = LayerMapper.defaults();
        return new PlanningData(SampleGenerator.NAME, m.adminUnits(byName.get(TABLES.get(0))),
            m.facilities(byName.get(TABLES.get(1))), m.medicalFacilities(byName.get(TABLES.get(2))),
            m.districts(byName.get(TABLES.get(3))), m.demandPoints(byName.get(TABLES.get(4))),
            m.roads(byName.get(TABLES.get(5))));
    }

    static List<AdminUnit> units(PlanningData data, Predicate<AdminUnit> keep) {
        return data.adminUnits().stream().filter(keep).toList();
    }
}
