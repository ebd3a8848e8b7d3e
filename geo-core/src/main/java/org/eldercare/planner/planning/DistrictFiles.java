package org.eldercare.planner.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.io.FeatureLayer;
import org.eldercare.planner.model.ResidentialDistrict;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.zoning.DistrictCheck;
import org.eldercare.planner.zoning.DistrictCheckResult;
import org.eldercare.planner.zoning.DistrictInput;
import org.eldercare.planner.zoning.DistrictNeighbourhood;
import org.eldercare.planner.zoning.DistrictVerdictFeatures;

/**
 * The residential-district rule on a districts file rather than a loaded {@code PlanningData}, for
 * {@code check-districts}: the layer read through {@link DistrictInput} (field names mapped, every problem reported
 * at once), neighbours found within the profile's pooling distance (or the file's declared {@code adjacentTo} when
 * the profile has no pooling rule), checked by {@link DistrictCheck}. Stateless.
 */
public final class DistrictFiles {
    private DistrictFiles() {}

    /** The districts read from the file and their verdicts, in file order. */
    public record Checked(List<ResidentialDistrict> districts, DistrictCheckResult result) {
        public Checked {
            districts = List.copyOf(districts);
        }

        /**
         * The verdict layer in the one district-verdict schema ({@link DistrictVerdictFeatures}): feature id = the
         * district id, geometry = its boundary (none without one).
         */
        public List<Feature> features(String profileId) {
            List<Feature> out = new ArrayList<>(districts.size());
            for (ResidentialDistrict d : districts) {
                out.add(new Feature(d.id(), d.boundary().orElse(null),
                    DistrictVerdictFeatures.properties(d, result.getVerdict(d.id()), profileId)));
            }
            return out;
        }
    }

    /** @param fieldNames model field → the file's property name (e.g. {@code households=户数}); may be empty */
    public static Checked check(FeatureLayer layer, Map<String, String> fieldNames, PolicyProfile profile) {
        DistrictInput df = DistrictInput.read(layer, fieldNames);
        DistrictNeighbourhood nb = profile.pooling().map(pool -> df.neighbourhood(pool.adjacentMaxDistanceM()))
            .orElse(df.declared());
        return new Checked(df.districts(), new DistrictCheck(df.districts(), profile, nb).compute());
    }
}
