package org.eldercare.planner.io;

import java.util.Optional;
import java.util.OptionalLong;
import org.eldercare.planner.io.FeatureValues.Props;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.UrbanRural;
import org.locationtech.jts.geom.Geometry;

/** The {@code admin-units} layer: one feature to a {@link AdminUnit} and back, through the {@link AttributeMapping}. */
final class AdminUnitCodec {
    private AdminUnitCodec() {}

    /** The record of one feature, or null when the feature has problems (recorded in the row). */
    static AdminUnit read(FeatureRow r) {
        String code = r.text("code", true);
        String name = r.text("name", true);
        AdminLevel level = r.parse("level", true, AdminLevel::parse);
        Optional<String> parent = Optional.ofNullable(r.text("parentCode", false));
        Optional<UrbanRural> ur = Optional.ofNullable(r.parse("urbanRural", false, UrbanRural::parse));
        Geometry boundary = r.geometry();
        OptionalLong pop = r.count("population");
        OptionalLong e60 = r.count("elderly60");
        OptionalLong e65 = r.count("elderly65");
        OptionalLong e80 = r.count("elderly80");
        OptionalLong dis = r.count("disabledElderly");
        OptionalLong hh = r.count("households");
        boolean syn = r.bool("synthetic");
        return r.ok() ? new AdminUnit(code, name, level, parent, ur, boundary, pop, e60, e65, e80, dis, hh, syn)
            : null;
    }

    /** The feature of one record, properties under the mapping's output names. */
    static Feature write(AttributeMapping mapping, AdminUnit u) {
        Props p = new Props(mapping, LayerKind.ADMIN_UNITS);
        p.put("code", u.code());
        p.put("name", u.name());
        p.put("level", FeatureValues.enumId(u.level()));
        u.parentCode().ifPresent(v -> p.put("parentCode", v));
        u.urbanRural().ifPresent(v -> p.put("urbanRural", FeatureValues.enumId(v)));
        p.put("population", u.population());
        p.put("elderly60", u.elderly60());
        p.put("elderly65", u.elderly65());
        p.put("elderly80", u.elderly80());
        p.put("disabledElderly", u.disabledElderly());
        p.put("households", u.households());
        p.put("synthetic", u.synthetic());
        return new Feature(u.code(), u.boundary(), p.map);
    }
}
