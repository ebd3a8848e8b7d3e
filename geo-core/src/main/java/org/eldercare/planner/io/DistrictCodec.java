package org.eldercare.planner.io;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.eldercare.planner.io.FeatureValues.Props;
import org.eldercare.planner.model.DistrictStatus;
import org.eldercare.planner.model.ResidentialDistrict;
import org.locationtech.jts.geom.Geometry;

/** The {@code districts} layer: one feature to a {@link ResidentialDistrict} and back, through the {@link AttributeMapping}. */
final class DistrictCodec {
    private DistrictCodec() {}

    /** The record of one feature, or null when the feature has problems (recorded in the row). */
    static ResidentialDistrict read(FeatureRow r) {
        String id = r.text("id", true);
        String name = r.text("name", false);
        Optional<Geometry> boundary = Optional.ofNullable(r.optionalGeometry());
        OptionalInt hh = r.intCount("households");
        if (hh.isEmpty() && r.raw("households") == null) {
            r.missing("households");
        }
        DistrictStatus status = r.parse("status", true, DistrictStatus::parse);
        OptionalInt year = r.intCount("completionYear");
        List<Double> sites = r.amounts("elderlySiteAreasM2");
        boolean syn = r.bool("synthetic");
        return r.ok() ? new ResidentialDistrict(id, name, boundary, hh.orElse(0), status, year, sites, syn) : null;
    }

    /** The feature of one record, properties under the mapping's output names. */
    static Feature write(AttributeMapping mapping, ResidentialDistrict d) {
        Props p = new Props(mapping, LayerKind.DISTRICTS);
        p.put("id", d.id());
        p.put("name", d.name());
        p.put("households", (long) d.households());
        p.put("status", FeatureValues.enumId(d.status()));
        d.completionYear().ifPresent(v -> p.put("completionYear", (long) v));
        p.put("elderlySiteAreasM2", d.elderlySiteAreasM2().stream().map(FeatureValues::number).toList());
        p.put("synthetic", d.synthetic());
        return new Feature(d.id(), d.boundary().orElse(null), p.map);
    }
}
