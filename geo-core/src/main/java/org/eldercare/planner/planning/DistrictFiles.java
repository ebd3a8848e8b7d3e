package org.eldercare.planner.planning;

import java.util.Map;
import org.eldercare.planner.io.FeatureLayer;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.zoning.DistrictCheck;
import org.eldercare.planner.zoning.DistrictCheckResult;
import org.eldercare.planner.zoning.DistrictInput;
import org.eldercare.planner.zoning.DistrictNeighbourhood;

/**
 * The residential-district rule on a districts file rather than a loaded {@code PlanningData}, for
 * {@code check-districts}: the layer read through {@link DistrictInput} (field names mapped, every problem reported
 * at once), neighbours found within the profile's pooling distance (or the file's declared {@code adjacentTo} when
 * the profile has no pooling rule), checked by {@link DistrictCheck}. Stateless.
 */
public final class DistrictFiles {
    private DistrictFiles() {}

    /** @param fieldNames model field → the file's property name (e.g. {@code households=户数}); may be empty */
    public static DistrictCheckResult check(FeatureLayer layer, Map<String, String> fieldNames, PolicyProfile profile) {
        DistrictInput df = DistrictInput.read(layer, fieldNames);
        DistrictNeighbourhood nb = profile.pooling().map(pool -> df.neighbourhood(pool.adjacentMaxDistanceM()))
            .orElse(df.declared());
        return new DistrictCheck(df.districts(), profile, nb).compute();
    }
}
