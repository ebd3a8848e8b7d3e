package org.eldercare.planner.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;

/**
 * What one county's task returns: the rows of each output table (empty when the county failed), and for a failed
 * county the error (geo-core's message, which names file, feature and field). Serializable (Spark rows are).
 *
 * @param ref     the county
 * @param tables  the rows per output table, in the job's table order
 * @param error   why the county failed, empty when it did not
 * @param millis  wall time of the county's task (read + analysis), ms
 */
public record CountyOutcome(CountyRef ref, List<List<Row>> tables, Optional<String> error, long millis)
        implements Serializable {

    /** Whether the county failed. */
    public boolean failed() {
        return error.isPresent();
    }
}
