package org.eldercare.planner.web.api;

import java.util.List;
import org.eldercare.planner.io.Feature;

/**
 * One answer of {@link MapLayer#query}: the features returned and how many matched before paging. Immutable.
 *
 * @param numberMatched features matching bbox and filters, before offset and limit
 * @param features      the features returned, in layer order
 */
public record LayerPage(int numberMatched, List<Feature> features) {
    public LayerPage {
        features = List.copyOf(features);
    }
}
