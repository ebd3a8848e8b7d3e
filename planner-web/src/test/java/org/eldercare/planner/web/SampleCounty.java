package org.eldercare.planner.web;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eldercare.planner.io.LayerFiles;
import org.eldercare.planner.io.LayerMapper;
import org.eldercare.planner.io.ReadOptions;
import org.eldercare.planner.model.PlanningData;

/**
 * The bundled sample county 贵溪市 ({@code data/guixi/guixi.gpkg}), loaded once per JVM. The committed file holds the
 * sample's layer tables as written by {@code io.gpkg.GeoPackageWriter}, so it is read here the way the sample's own
 * load test reads it: {@code LayerFiles} + {@code LayerMapper}, one table per layer.
 */
public final class SampleCounty {
    private static PlanningData data;

    private SampleCounty() {}

    /** The repository's data/guixi/guixi.gpkg, found from the working directory upwards. */
    public static Path gpkg() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path f = p.resolve("data").resolve("guixi").resolve("guixi.gpkg");
            if (Files.isRegularFile(f)) {
                return f;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("data/guixi/guixi.gpkg not found above " + Path.of("").toAbsolutePath());
    }

    public static synchronized PlanningData data() {
        if (data == null) {
            try {
                Path f = gpkg();
                LayerMapper m = LayerMapper.defaults();
                ReadOptions o = ReadOptions.defaults();
                data = PlanningData.empty("贵溪市")
                    .withAdminUnits(m.adminUnits(LayerFiles.readLayer(f, "admin_units", o)))
                    .withFacilities(m.facilities(LayerFiles.readLayer(f, "facilities", o)))
                    .withMedicalFacilities(m.medicalFacilities(LayerFiles.readLayer(f, "medical_facilities", o)))
                    .withDistricts(m.districts(LayerFiles.readLayer(f, "residential_districts", o)))
                    .withDemandPoints(m.demandPoints(LayerFiles.readLayer(f, "demand_points", o)))
                    .withRoads(m.roads(LayerFiles.readLayer(f, "roads", o)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return data;
    }
}
