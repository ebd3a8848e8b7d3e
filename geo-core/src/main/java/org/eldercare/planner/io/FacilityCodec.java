package org.eldercare.planner.io;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.eldercare.planner.io.FeatureValues.Props;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.Operator;
import org.locationtech.jts.geom.Point;

/** The {@code facilities} layer: one feature to a {@link Facility} and back, through the {@link AttributeMapping}. */
final class FacilityCodec {
    private FacilityCodec() {}

    /** The record of one feature, or null when the feature has problems (recorded in the row). */
    static Facility read(FeatureRow r) {
        String id = r.text("id", true);
        String name = r.text("name", true);
        FacilityKind kind = r.parse("kind", true, FacilityKind::parse);
        Point location = r.point();
        OptionalInt beds = r.intCount("beds");
        OptionalInt nursing = r.intCount("nursingBeds");
        OptionalDouble area = r.amount("floorAreaM2");
        OptionalInt residents = r.intCount("residents");
        Optional<Operator> op = Optional.ofNullable(r.parse("operator", false, Operator::parse));
        boolean medical = r.bool("hasMedicalRoom");
        OptionalInt opened = r.intCount("openedYear");
        OptionalInt staff = r.intCount("careStaff");
        Optional<String> admin = Optional.ofNullable(r.text("adminCode", false));
        boolean syn = r.bool("synthetic");
        return r.ok() ? new Facility(id, name, kind, location, beds.orElse(0), nursing.orElse(0), area, residents,
            op, medical, opened, staff, admin, syn) : null;
    }

    /** The feature of one record, properties under the mapping's output names. */
    static Feature write(AttributeMapping mapping, Facility f) {
        Props p = new Props(mapping, LayerKind.FACILITIES);
        p.put("id", f.id());
        p.put("name", f.name());
        p.put("kind", f.kind().id());
        p.put("beds", (long) f.beds());
        p.put("nursingBeds", (long) f.nursingBeds());
        f.floorAreaM2().ifPresent(v -> p.put("floorAreaM2", FeatureValues.number(v)));
        f.residents().ifPresent(v -> p.put("residents", (long) v));
        f.operator().ifPresent(v -> p.put("operator", FeatureValues.enumId(v)));
        p.put("hasMedicalRoom", f.hasMedicalRoom());
        f.openedYear().ifPresent(v -> p.put("openedYear", (long) v));
        f.careStaff().ifPresent(v -> p.put("careStaff", (long) v));
        f.adminCode().ifPresent(v -> p.put("adminCode", v));
        p.put("synthetic", f.synthetic());
        return new Feature(f.id(), f.location(), p.map);
    }
}
