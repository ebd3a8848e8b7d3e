package org.eldercare.planner.model;

import org.locationtech.jts.geom.Point;

/** A medical facility (hospital, township health centre, community health station, village clinic). Immutable. */
public record MedicalFacility(String id, String name, MedicalKind kind, Point location, boolean synthetic) {
    public MedicalFacility {
        id = Checks.requiredText("id", id);
        name = Checks.requiredText("name", name);
        Checks.required("kind", kind);
        Checks.lonLatPoint("location", location);
    }
}
