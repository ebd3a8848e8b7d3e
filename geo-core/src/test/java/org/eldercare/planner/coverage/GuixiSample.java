package org.eldercare.planner.coverage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eldercare.planner.io.FeatureLayer;
import org.eldercare.planner.io.LayerFiles;
import org.eldercare.planner.io.LayerMapper;
import org.eldercare.planner.io.ReadOptions;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.testing.SharedData;

/** The committed 贵溪市 sample (data/guixi GeoJSON layers + the OSM centre roads) as PlanningData, loaded once. */
final class GuixiSample {
    private static PlanningData data;

    private GuixiSample() {}

    static synchronized PlanningData data() throws Exception {
        if (data == null) {
            Path dir = SharedData.repoRoot().resolve("data/guixi");
            LayerMapper m = LayerMapper.defaults();
            ReadOptions o = ReadOptions.defaults();
            List<AdminUnit> units = new ArrayList<>();
            for (String f : List.of("county.geojson", "townships.geojson", "communities.geojson")) {
                units.addAll(m.adminUnits(LayerFiles.readLayer(dir.resolve(f), null, o)));
            }
            FeatureLayer roads = LayerFiles.readLayer(dir.resolve("guixi_center_2024-11.osm"), "roads", o);
            data = new PlanningData("贵溪市 sample", units,
                m.facilities(LayerFiles.readLayer(dir.resolve("facilities.geojson"), null, o)),
                m.medicalFacilities(LayerFiles.readLayer(dir.resolve("medical_facilities.geojson"), null, o)),
                m.districts(LayerFiles.readLayer(dir.resolve("residential_districts.geojson"), null, o)),
                m.demandPoints(LayerFiles.readLayer(dir.resolve("demand_points.geojson"), null, o)),
                m.roads(roads));
        }
        return data;
    }
}
