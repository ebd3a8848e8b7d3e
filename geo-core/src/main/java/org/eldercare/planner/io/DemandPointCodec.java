package org.eldercare.planner.io;

import java.util.OptionalDouble;
import org.eldercare.planner.io.FeatureValues.Props;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.AdminUnitIndex;
import org.eldercare.planner.model.DemandPoint;
import org.locationtech.jts.geom.Point;

/** The {@code demand-points} layer: one feature to a {@link DemandPoint} and back, through the {@link AttributeMapping}. */
final class DemandPointCodec {
    private DemandPointCodec() {}

    /**
     * The record of one feature, or null when the feature has problems (recorded in the row). Without an admin code
     * the point's unit is the one {@code units} locates it in; with {@code units} null the code is required.
     */
    static DemandPoint read(FeatureRow r, AdminUnitIndex units) {
        String id = r.text("id", true);
        Point location = r.point();
        OptionalDouble elderly = r.amount("elderly");
        if (elderly.isEmpty() && r.raw("elderly") == null) {
            r.missing("elderly");
        }
        OptionalDouble a80 = r.amount("age80plus");
        OptionalDouble dis = r.amount("disabled");
        OptionalDouble tekun = r.amount("tekun");
        String admin = r.text("adminCode", units == null);
        if (admin == null && units != null && location != null) {
            admin = units.locate(location).map(AdminUnit::code).orElse(null);
            if (admin == null) {
                r.problem("adminCode", "is missing and the point lies outside every admin unit of the data, so no "
                    + "unit can count its elderly");
            }
        }
        boolean syn = r.bool("synthetic");
        return r.ok() ? new DemandPoint(id, location, elderly.orElse(0), a80.orElse(0), dis.orElse(0),
            tekun.orElse(0), admin, syn) : null;
    }

    /** The feature of one record, properties under the mapping's output names. */
    static Feature write(AttributeMapping mapping, DemandPoint d) {
        Props p = new Props(mapping, LayerKind.DEMAND_POINTS);
        p.put("id", d.id());
        p.put("elderly", FeatureValues.number(d.elderly()));
        p.put("age80plus", FeatureValues.number(d.age80plus()));
        p.put("disabled", FeatureValues.number(d.disabled()));
        p.put("tekun", FeatureValues.number(d.tekun()));
        p.put("adminCode", d.adminCode());
        p.put("synthetic", d.synthetic());
        return new Feature(d.id(), d.location(), p.map);
    }
}
