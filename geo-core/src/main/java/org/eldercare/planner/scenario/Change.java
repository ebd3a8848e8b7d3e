package org.eldercare.planner.scenario;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.eldercare.planner.model.DistrictStatus;
import org.eldercare.planner.model.FacilityKind;
import org.locationtech.jts.geom.Geometry;

/**
 * One change of a {@link Scenario}, applied in list order to a copy of the base data. Each record only holds what the
 * scenario file said; whether it makes sense (the facility exists, the id is new, the unit code is known) is decided
 * when the scenario is resolved against a base ({@link ScenarioResolver}), where every problem is reported with the
 * change's index. Constructors only reject {@code null} components ({@link IllegalArgumentException} naming the
 * component). Immutable.
 */
public sealed interface Change {

    /** The change's {@code type} in scenario files, e.g. {@code add-facility}. */
    String type();

    /**
     * A new facility.
     *
     * @param id          new facility id (must not exist in the base or be added earlier)
     * @param name        name
     * @param kind        facility kind
     * @param lon         WGS84 longitude, degrees
     * @param lat         WGS84 latitude, degrees
     * @param beds        beds, ≥ 0
     * @param nursingBeds nursing-type beds, 0 ≤ nursingBeds ≤ beds
     * @param adminCode   community/village (or township) code, when known; otherwise membership is by location
     */
    record AddFacility(String id, String name, FacilityKind kind, double lon, double lat, int beds, int nursingBeds,
            Optional<String> adminCode) implements Change {
        public AddFacility {
            Change.required("id", id);
            Change.required("name", name);
            Change.required("kind", kind);
            Change.required("adminCode", adminCode);
        }

        @Override
        public String type() {
            return "add-facility";
        }
    }

    /** Moves facility {@code id} to WGS84 {@code lon}/{@code lat} (degrees); its admin code is dropped so that the
     * new location decides its unit. */
    record MoveFacility(String id, double lon, double lat) implements Change {
        public MoveFacility {
            Change.required("id", id);
        }

        @Override
        public String type() {
            return "move-facility";
        }
    }

    /** Closes (removes) facility {@code id}. */
    record CloseFacility(String id) implements Change {
        public CloseFacility {
            Change.required("id", id);
        }

        @Override
        public String type() {
            return "close-facility";
        }
    }

    /**
     * Changes the beds of facility {@code id}; a field left empty keeps its value.
     *
     * @param beds        new beds, ≥ 0
     * @param nursingBeds new nursing-type beds, ≤ the resulting beds
     * @param residents   new residents, ≥ 0
     */
    record ResizeFacility(String id, OptionalInt beds, OptionalInt nursingBeds, OptionalInt residents)
            implements Change {
        public ResizeFacility {
            Change.required("id", id);
            Change.required("beds", beds);
            Change.required("nursingBeds", nursingBeds);
            Change.required("residents", residents);
        }

        @Override
        public String type() {
            return "resize-facility";
        }
    }

    /**
     * A new residential district.
     *
     * @param id                 new district id
     * @param name               name (the id when empty)
     * @param households         households, ≥ 0
     * @param status             NEW or EXISTING
     * @param elderlySiteAreasM2 floor area of each elderly-service site, m² (copied)
     * @param boundary           Polygon/MultiPolygon in WGS84 lon/lat, when given
     */
    record AddDistrict(String id, String name, int households, DistrictStatus status, List<Double> elderlySiteAreasM2,
            Optional<Geometry> boundary) implements Change {
        public AddDistrict {
            Change.required("id", id);
            Change.required("status", status);
            Change.required("elderlySiteAreasM2", elderlySiteAreasM2);
            Change.required("boundary", boundary);
            elderlySiteAreasM2 = List.copyOf(elderlySiteAreasM2);
        }

        @Override
        public String type() {
            return "add-district";
        }
    }

    /** Edits district {@code id}: each field given replaces the district's value (site areas as a whole list). */
    record EditDistrict(String id, OptionalInt households, Optional<DistrictStatus> status,
            Optional<List<Double>> elderlySiteAreasM2) implements Change {
        public EditDistrict {
            Change.required("id", id);
            Change.required("households", households);
            Change.required("status", status);
            Change.required("elderlySiteAreasM2", elderlySiteAreasM2);
            elderlySiteAreasM2 = elderlySiteAreasM2.map(List::copyOf);
        }

        @Override
        public String type() {
            return "edit-district";
        }
    }

    /**
     * Multiplies the elderly counts (60+, 80+, disabled, 特困) of the demand points, and the census counts
     * (elderly60/65/80, disabled) of the admin units, by {@code factor}: everywhere when {@code unitCode} is empty,
     * else in that unit and its descendants (its ancestors' census counts grow by the same number of people).
     *
     * @param factor   in (0, 10]
     * @param unitCode 12-digit admin code (6 or 9 digits are padded), or empty for the whole data
     */
    record ScaleElderly(double factor, Optional<String> unitCode) implements Change {
        public ScaleElderly {
            Change.required("unitCode", unitCode);
        }

        @Override
        public String type() {
            return "scale-elderly";
        }
    }

    /** Sets the value of profile rule {@code ruleId} (e.g. {@code walk.elderlySpeedMps} = 0.76) for this scenario. */
    record SetProfileValue(String ruleId, double value) implements Change {
        public SetProfileValue {
            Change.required("ruleId", ruleId);
        }

        @Override
        public String type() {
            return "set-profile-value";
        }
    }

    /** @throws IllegalArgumentException naming {@code component} when {@code value} is null */
    private static void required(String component, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(component + ": is required (use Optional.empty() / OptionalInt.empty() "
                + "for an absent optional value), was null");
        }
    }
}
