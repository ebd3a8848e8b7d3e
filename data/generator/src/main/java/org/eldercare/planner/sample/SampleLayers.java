package org.eldercare.planner.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.PlanningData;

/**
 * The sample's layers and file names. Every layer goes into {@value #GPKG}; the small layers are also written as
 * GeoJSON FeatureCollections next to it (roads are not: the OSM extract is copied alongside instead).
 */
final class SampleLayers {
    static final String GPKG = "guixi.gpkg";
    static final List<String> GEOJSON = List.of("county.geojson", "townships.geojson", "communities.geojson",
        "facilities.geojson", "medical_facilities.geojson", "residential_districts.geojson",
        "demand_points.geojson");

    private SampleLayers() {}

    static void write(PlanningData data, Path dir) throws IOException {
        FallbackGeoJson.writeAdminUnits(units(data, u -> u.level() == AdminLevel.COUNTY), dir.resolve(GEOJSON.get(0)));
        FallbackGeoJson.writeAdminUnits(units(data, u -> u.level().isTownshipTier()), dir.resolve(GEOJSON.get(1)));
        FallbackGeoJson.writeAdminUnits(units(data, u -> u.level().isCommunityTier()), dir.resolve(GEOJSON.get(2)));
        FallbackGeoJson.writeFacilities(data.facilities(), dir.resolve(GEOJSON.get(3)));
        FallbackGeoJson.writeMedical(data.medicalFacilities(), dir.resolve(GEOJSON.get(4)));
        FallbackGeoJson.writeDistricts(data.districts(), dir.resolve(GEOJSON.get(5)));
        FallbackGeoJson.writeDemand(data.demandPoints(), dir.resolve(GEOJSON.get(6)));
    }

    static List<AdminUnit> units(PlanningData data, java.util.function.Predicate<AdminUnit> keep) {
        return data.adminUnits().stream().filter(keep).toList();
    }
}
