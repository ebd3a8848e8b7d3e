package org.eldercare.planner.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The work of one county inside an executor: a function from the county to its output rows. {@link #run} never
 * throws: a county whose data is broken comes back as a failed {@link CountyOutcome} with the exception's message
 * (geo-core's input errors name file, feature and field), so the other counties' results are still written.
 */
@FunctionalInterface
public interface CountyTask extends Serializable {
    /** The rows of each output table for {@code county}; throws on bad input. */
    List<List<Row>> compute(CountyRef county) throws Exception;

    /** {@link #compute} with timing, any exception turned into a failed outcome. */
    default CountyOutcome run(CountyRef county, int tables) {
        long t0 = System.nanoTime();
        try {
            List<List<Row>> rows = compute(county);
            return new CountyOutcome(county, rows, null, (System.nanoTime() - t0) / 1_000_000);
        } catch (Exception | LinkageError | StackOverflowError e) {
            List<List<Row>> empty = new ArrayList<>();
            for (int i = 0; i < tables; i++) {
                empty.add(Collections.emptyList());
            }
            String msg = e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": "
                + e.getMessage();
            String where = msg.contains(county.location()) ? "" : county.location() + ": ";
            return new CountyOutcome(county, empty, "county " + county.code() + ": " + where + msg.replace('\n', ' '), (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
