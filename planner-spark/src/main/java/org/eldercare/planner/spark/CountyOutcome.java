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
 * @param failure why the county failed, null when it did not (not an Optional: records shipped by Spark must be
 *                Java-serializable)
 * @param millis  wall time of the county's task (read + analysis), ms
 */
public record CountyOutcome(CountyRef ref, List<List<Row>> tables, String failure, long millis)
        implements Serializable {

    /** Why the county failed, empty when it did not. */
    public Optional<String> error() {
        return Optional.ofNullable(failure);
    }

    /** Whether the county failed. */
    public boolean failed() {
        return failure != null;
    }
}
