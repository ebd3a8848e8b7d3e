package org.eldercare.planner.web.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.model.ResidentialDistrict;
import org.eldercare.planner.zoning.DistrictCheckResult;
import org.eldercare.planner.zoning.DistrictVerdict;
import org.eldercare.planner.zoning.DistrictVerdictFeatures;
import org.eldercare.planner.zoning.VerdictStatus;

/**
 * The residential districts coloured by their floor-area verdict (每百户配建面积) from geo-core's
 * {@code zoning.DistrictCheck}: each feature carries the verdict's values, reason and the rules applied with their
 * clauses ({@link DistrictVerdict#toMap()}), plus the district's name and a {@code verdict} filter.
 */
public final class DistrictVerdictLayer {
    private DistrictVerdictLayer() {}

    /** A district and its verdict. */
    record Row(ResidentialDistrict district, DistrictVerdict verdict) {}

    /**
     * @param districts the checked districts
     * @param result    their verdicts, one per district
     * @param profileId the profile the verdicts were computed under (shown in popups)
     */
    public static MapLayer<?> of(List<ResidentialDistrict> districts, DistrictCheckResult result, String profileId) {
        List<Row> rows = new ArrayList<>();
        for (ResidentialDistrict d : districts) {
            rows.add(new Row(d, result.getVerdict(d.id())));
        }
        List<String> statuses = java.util.Arrays.stream(VerdictStatus.values()).map(BaseLayers::id).toList();
        return MapLayer.of("district-verdicts", "小区养老服务用房配建达标", "District floor-area verdicts",
                MapLayer.Group.ANALYSIS, "Polygon", rows, r -> r.district().id(),
                (Row r) -> r.district().boundary().orElse(null), r -> properties(r, profileId))
            .withFilter("verdict", statuses, r -> BaseLayers.id(r.verdict().status()));
    }

    private static Map<String, Object> properties(Row r, String profileId) {
        return DistrictVerdictFeatures.properties(r.district(), r.verdict(), profileId);
    }
}
