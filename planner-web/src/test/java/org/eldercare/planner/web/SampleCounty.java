package org.eldercare.planner.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eldercare.planner.io.FeatureLayer;
import org.eldercare.planner.io.LayerFiles;
import org.eldercare.planner.io.LayerMapper;
import org.eldercare.planner.io.ReadOptions;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.PlanningData;

/**
 * The bundled sample county 贵溪市 (data/guixi), read from its GeoJSON layers and OSM roads through geo-core's
 * readers; loaded once per JVM.
 */
public final class SampleCounty {
    private static PlanningData data;

    private SampleCounty() {}

    /** The repository's data/guixi directory, found from the working directory upwards. */
    public static Path dir() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path d = p.resolve("data").resolve("guixi");
            if (Files.isDirectory(d)) {
                return d;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("data/guixi not found above " + Path.of("").toAbsolutePath());
    }

    public static synchronized PlanningData data() {
        if (data == null) {
            try {
                data = load(dir());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return data;
    }

    static PlanningData load(Path dir) throws IOException {
        LayerMapper m = LayerMapper.defaults();
        ReadOptions o = ReadOptions.defaults();
        List<AdminUnit> units = new ArrayList<>();
        for (String f : List.of("county.geojson", "townships.geojson", "communities.geojson")) {
            units.addAll(m.adminUnits(LayerFiles.readLayer(dir.resolve(f), null, o)));
        }
        FeatureLayer roads = LayerFiles.readLayer(dir.resolve("guixi_center_2024-11.osm"), "roads", o);
        return PlanningData.empty("贵溪市")
            .withAdminUnits(units)
            .withFacilities(m.facilities(LayerFiles.readLayer(dir.resolve("facilities.geojson"), null, o)))
            .withMedicalFacilities(m.medicalFacilities(
                LayerFiles.readLayer(dir.resolve("medical_facilities.geojson"), null, o)))
            .withDistricts(m.districts(LayerFiles.readLayer(dir.resolve("residential_districts.geojson"), null, o)))
            .withDemandPoints(m.demandPoints(LayerFiles.readLayer(dir.resolve("demand_points.geojson"), null, o)))
            .withRoads(m.roads(roads));
    }
}
