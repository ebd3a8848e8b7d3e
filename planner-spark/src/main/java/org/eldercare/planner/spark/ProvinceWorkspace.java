package org.eldercare.planner.spark;

import java.util.ArrayList;
import java.util.List;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.MedicalFacility;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.model.ResidentialDistrict;
import org.eldercare.planner.model.RoadSegment;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.Workspaces;

/**
 * One workspace holding the counties that ran: every layer of every county, concatenated in county order, written
 * through geo-core's store ({@code .gpkg} file or {@code jdbc:postgresql://} URL, the PostgisWorkspace schema), so
 * that {@code planner serve --data FILE.gpkg} or {@code serve --db URL} shows the whole province on the web map.
 * Built on the driver (a province, not the whole country). Ids must be unique across counties (the generator
 * prefixes them with the county code); a duplicate fails with geo-core's message naming layer and id.
 */
public final class ProvinceWorkspace {
    private ProvinceWorkspace() {}

    /** The merged data of {@code counties}, named {@code name}. */
    public static PlanningData merge(String name, List<CountyRef> counties) {
        List<AdminUnit> units = new ArrayList<>();
        List<Facility> facilities = new ArrayList<>();
        List<MedicalFacility> medical = new ArrayList<>();
        List<ResidentialDistrict> districts = new ArrayList<>();
        List<DemandPoint> demand = new ArrayList<>();
        List<RoadSegment> roads = new ArrayList<>();
        for (CountyRef c : counties) {
            PlanningData d = Inputs.read(c);
            units.addAll(d.adminUnits());
            facilities.addAll(d.facilities());
            medical.addAll(d.medicalFacilities());
            districts.addAll(d.districts());
            demand.addAll(d.demandPoints());
            roads.addAll(d.roads());
        }
        return new PlanningData(name, units, facilities, medical, districts, demand, roads);
    }

    /** Writes the merged data of the counties that did not fail in {@code result} to {@code target}. */
    public static PlanningData write(String target, CountyJob.Result result) {
        List<CountyRef> ok = result.counties().stream().filter(o -> !o.failed()).map(CountyOutcome::ref).toList();
        PlanningData d = merge("province: " + ok.size() + " counties (" + (ok.isEmpty() ? "none" : ok.get(0).code()
            + " … " + ok.get(ok.size() - 1).code()) + ")", ok);
        try (Workspace w = Workspaces.open(target)) {
            w.write(d);
        }
        return d;
    }
}
