package org.eldercare.planner.coverage;

import java.util.List;

/**
 * A counted data problem that does not stop the analysis but changes what it can say: facilities or demand points too
 * far from the road network, or lying in no admin unit. One per kind of problem, with the number of features and
 * their ids, so that the CLI, the map's data panel and the report files show the same thing. Immutable.
 *
 * @param code      stable id of the kind of problem, e.g. {@code facility-off-network}
 * @param layer     the layer of the features ({@code facilities}, {@code demand-points})
 * @param field     the field at fault ({@code geometry} for a location too far from any road, {@code adminCode}
 *                  for a unit that is neither in the data nor found by location)
 * @param count     number of features
 * @param ids       their ids, in data order (copied)
 * @param elderly   elderly at those features (demand points), 0 for facilities
 * @param messageZh what it means, in Chinese
 * @param messageEn the same in English
 */
public record DataWarning(String code, String layer, String field, int count, List<String> ids, double elderly,
        String messageZh, String messageEn) {
    public static final String FACILITY_OFF_NETWORK = "facility-off-network";
    public static final String FACILITY_OUTSIDE_UNITS = "facility-outside-units";
    public static final String DEMAND_OFF_NETWORK = "demand-off-network";
    public static final String DEMAND_OUTSIDE_UNITS = "demand-outside-units";

    public DataWarning {
        ids = List.copyOf(ids);
        if (count != ids.size()) {
            throw new IllegalArgumentException("count " + count + " differs from the " + ids.size() + " ids");
        }
    }
}
