package org.eldercare.planner.web.server;

/**
 * How much analysis work (what-if, coverage, findings, siting, district check) the server takes on at once: at most
 * {@code threads} run, at most {@code queue} more wait; any request beyond that is answered at once with 503 and
 * {@code Retry-After: retryAfterSeconds} instead of waiting for seconds behind the others.
 *
 * @param threads           analyses run at the same time, ≥ 1
 * @param queue             analyses waiting for a thread, ≥ 0
 * @param retryAfterSeconds the {@code Retry-After} of a 503, ≥ 1
 */
public record AnalysisLimits(int threads, int queue, int retryAfterSeconds) {
    /** Waiting analyses per thread by default: with about 0.1 s per what-if, a full queue waits under half a second. */
    public static final int DEFAULT_QUEUE_PER_THREAD = 4;

    public AnalysisLimits {
        if (threads < 1) {
            throw new IllegalArgumentException("analysis threads must be >= 1, was " + threads);
        }
        if (queue < 0) {
            throw new IllegalArgumentException("analysis queue must be >= 0, was " + queue);
        }
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("Retry-After must be >= 1 s, was " + retryAfterSeconds);
        }
    }

    /** One thread per processor, {@value #DEFAULT_QUEUE_PER_THREAD} waiting per thread, retry after 1 s. */
    public static AnalysisLimits defaults() {
        int n = Runtime.getRuntime().availableProcessors();
        return new AnalysisLimits(n, DEFAULT_QUEUE_PER_THREAD * n, 1);
    }
}
