package org.eldercare.planner.io;

import org.eldercare.planner.io.FeatureValues.Props;
import org.eldercare.planner.model.MedicalFacility;
import org.eldercare.planner.model.MedicalKind;
import org.locationtech.jts.geom.Point;

/** The {@code medical-facilities} layer: one feature to a {@link MedicalFacility} and back, through the {@link AttributeMapping}. */
final class MedicalFacilityCodec {
    private MedicalFacilityCodec() {}

    /** The record of one feature, or null when the feature has problems (recorded in the row). */
    static MedicalFacility read(FeatureRow r) {
        String id = r.text("id", true);
        String name = r.text("name", true);
        MedicalKind kind = r.parse("kind", true, MedicalKind::parse);
        Point location = r.point();
        boolean syn = r.bool("synthetic");
        return r.ok() ? new MedicalFacility(id, name, kind, location, syn) : null;
    }

    /** The feature of one record, properties under the mapping's output names. */
    static Feature write(AttributeMapping mapping, MedicalFacility m) {
        Props p = new Props(mapping, LayerKind.MEDICAL_FACILITIES);
        p.put("id", m.id());
        p.put("name", m.name());
        p.put("kind", FeatureValues.enumId(m.kind()));
        p.put("synthetic", m.synthetic());
        return new Feature(m.id(), m.location(), p.map);
    }
}
