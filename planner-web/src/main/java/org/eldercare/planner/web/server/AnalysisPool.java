package org.eldercare.planner.web.server;

import io.javalin.http.Handler;
import io.javalin.router.Endpoint;
import io.javalin.router.HandlerWrapper;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool the analysis endpoints run on ({@link AnalysisLimits}): a request's handler runs on one of the
 * pool's threads while the request thread waits for it; at most {@code threads + queue} are admitted (running or
 * waiting), and a request beyond that is refused at once with {@link Busy}, which {@link ErrorMapping} answers 503 with {@code Retry-After}. Installed as
 * Javalin's handler wrapper for the {@link #paths} given; every other route runs as before.
 */
final class AnalysisPool implements HandlerWrapper {
    private final AnalysisLimits limits;
    private final Set<String> paths;
    private final Runnable beforeEach;
    private final Semaphore admitted;
    private final ThreadPoolExecutor executor;

    /**
     * @param limits     threads, queue and Retry-After
     * @param paths      the routes bounded (any method)
     * @param beforeEach run on the pool thread before each analysis (a test's latch; else a no-op)
     */
    AnalysisPool(AnalysisLimits limits, Set<String> paths, Runnable beforeEach) {
        this.limits = limits;
        this.paths = Set.copyOf(paths);
        this.beforeEach = beforeEach;
        // admission is counted, not left to the executor's queue: a permit is returned only once the request thread
        // has the answer, so a request arriving just after another finished is never refused by a worker that has
        // not yet gone back to the queue
        this.admitted = new Semaphore(limits.threads() + limits.queue());
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(limits.threads(), limits.threads(), 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "planner-analysis-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
    }

    @Override
    public Handler wrap(Endpoint endpoint) {
        Handler h = endpoint.handler;
        if (!paths.contains(endpoint.path)) {
            return h;
        }
        return ctx -> {
            if (!admitted.tryAcquire()) {
                throw new Busy(limits);
            }
            Future<?> f = null;
            try {
                f = executor.submit(() -> {
                    beforeEach.run();
                    h.handle(ctx);
                    return null;
                });
                f.get();
            } catch (InterruptedException e) {
                f.cancel(true);
                Thread.currentThread().interrupt();
                throw e;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception ex) {
                    throw ex;
                }
                throw (Error) cause;
            } finally {
                admitted.release();
            }
        };
    }

    /** Stops the pool's threads (when the server stops). */
    void shutdown() {
        executor.shutdownNow();
    }

    /** Every analysis thread is busy and the queue is full: answered 503 with {@code Retry-After}. */
    static final class Busy extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient AnalysisLimits limits;

        Busy(AnalysisLimits limits) {
            super("the server is busy: " + limits.threads() + " analyses running and " + limits.queue()
                + " waiting; retry after " + limits.retryAfterSeconds() + " s");
            this.limits = limits;
        }

        AnalysisLimits limits() {
            return limits;
        }
    }
}
