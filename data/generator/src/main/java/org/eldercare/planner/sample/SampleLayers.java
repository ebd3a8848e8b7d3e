package org.eldercare.planner.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.eldercare.planner.io.GeoJsonWriter;
import org.eldercare.planner.io.LayerMapper;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.store.GeoPackageWorkspace;

/**
 * The sample's files: the GeoPackage workspace {@value #GPKG} (every layer, written through
 * {@link GeoPackageWorkspace}, so {@code Workspaces.open} reads it back as the same {@link PlanningData}), and GeoJSON
 * copies of the small layers next to it ({@link #GEOJSON}; roads are not copied, the OSM extract is) made by the io
 * {@link LayerMapper} with its default attribute names and written by {@link GeoJsonWriter}.
 */
final class SampleLayers {
    static final String GPKG = "guixi.gpkg";
    static final List<String> GEOJSON = List.of("county.geojson", "townships.geojson", "communities.geojson",
        "facilities.geojson", "medical_facilities.geojson", "residential_districts.geojson",
        "demand_points.geojson");

    private SampleLayers() {}

    /** Writes the GeoPackage (replacing any old file) and the GeoJSON copies into {@code dir}. */
    static void write(PlanningData data, Path dir) throws IOException {
        Path gpkg = dir.resolve(GPKG);
        Files.deleteIfExists(gpkg);
        try (GeoPackageWorkspace ws = GeoPackageWorkspace.open(gpkg)) {
            ws.update(w -> {
                w.setName(data.name());
                w.writeAll(data);
            });
        }
        LayerMapper m = LayerMapper.defaults();
        GeoJsonWriter.write(dir.resolve(GEOJSON.get(0)),
            m.adminUnitFeatures(units(data, u -> u.level() == AdminLevel.COUNTY)));
        GeoJsonWriter.write(dir.resolve(GEOJSON.get(1)),
            m.adminUnitFeatures(units(data, u -> u.level().isTownshipTier())));
        GeoJsonWriter.write(dir.resolve(GEOJSON.get(2)),
            m.adminUnitFeatures(units(data, u -> u.level().isCommunityTier())));
        GeoJsonWriter.write(dir.resolve(GEOJSON.get(3)), m.facilityFeatures(data.facilities()));
        GeoJsonWriter.write(dir.resolve(GEOJSON.get(4)), m.medicalFacilityFeatures(data.medicalFacilities()));
        GeoJsonWriter.write(dir.resolve(GEOJSON.get(5)), m.districtFeatures(data.districts()));
        GeoJsonWriter.write(dir.resolve(GEOJSON.get(6)), m.demandPointFeatures(data.demandPoints()));
    }

    /** Reads a sample GeoPackage workspace back into one {@link PlanningData}. */
    static PlanningData read(Path gpkg) {
        try (GeoPackageWorkspace ws = GeoPackageWorkspace.open(gpkg)) {
            return ws.read();
        }
    }

    static List<AdminUnit> units(PlanningData data, Predicate<AdminUnit> keep) {
        return data.adminUnits().stream().filter(keep).toList();
    }
}
