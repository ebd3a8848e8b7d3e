package org.eldercare.planner.siting;

import java.util.Optional;
import org.locationtech.jts.geom.Point;

/**
 * One site of a regional proposal with what it serves. Immutable.
 *
 * @param siteId                facility id
 * @param name                  facility name
 * @param location              WGS84 lon/lat point
 * @param beds                  beds
 * @param nearestMedicalId      id of the nearest medical facility, empty when the data has none
 * @param medicalDistanceMeters straight-line (ellipsoidal) metres to it; NaN when none
 * @param demandPoints          demand points assigned to this site
 * @param elderlyAssigned       elderly of those points
 * @param elderlyWithinMinutes  elderly of the assigned points within the service minutes of this site
 * @param maxMinutes            longest travel time of an assigned point, minutes (0 when none assigned)
 */
public record ProposedSite(String siteId, String name, Point location, int beds, Optional<String> nearestMedicalId,
        double medicalDistanceMeters, int demandPoints, double elderlyAssigned, double elderlyWithinMinutes,
        double maxMinutes) {}
