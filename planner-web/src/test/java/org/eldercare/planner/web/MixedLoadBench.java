package org.eldercare.planner.web;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.web.server.AnalysisLimits;
import org.eldercare.planner.web.server.PlannerServer;
import org.eldercare.planner.web.server.ServerSettings;

/**
 * A bureau's server under load, run by hand (not a unit test): the server starts in-process on the sample county with
 * the default analysis pool ({@link AnalysisLimits#defaults()}); then, for {@code seconds}, {@code layerClients}
 * clients fetch the map's layers as the page does ({@link LayerLoadBench#paths}) and {@code whatIfClients} planners
 * send what-ifs ({@link WhatIfBench#request}), every client back to back without think time. Every answer's status
 * and latency is recorded: layers must all be 200; what-ifs 200 or the pool's intended 503 with Retry-After;
 * anything else (another status, a timeout, a refused connection) is counted and printed as an error, and the
 * bench exits 1 when there is one.
 *
 * <p>Usage: {@code MixedLoadBench [layerClients=200] [whatIfClients=10] [seconds=60] [seed=7]}
 */
public final class MixedLoadBench {
    private MixedLoadBench() {}

    public static void main(String[] args) throws Exception {
        int layerClients = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int whatIfClients = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 7;
        PlanningData data = SampleCounty.data();
        ServerSettings settings = ServerSettings.offline();
        Javalin app = PlannerServer.create(data, settings).start("127.0.0.1", 0);
        AnalysisLimits l = settings.limits();
        System.out.printf(Locale.ROOT, "analysis pool: %d threads, %d waiting, Retry-After %d s%n", l.threads(),
            l.queue(), l.retryAfterSeconds());
        int exit = 0;
        try {
            String base = "http://127.0.0.1:" + app.port();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(8, r -> {
                    Thread t = new Thread(r, "bench-http");
                    t.setDaemon(true);
                    return t;
                })).build();
            List<String> paths = LayerLoadBench.paths(http, base);
            for (String p : paths) {
                LayerLoadBench.get(http, base + p); // warm-up: simplification caches, JIT
            }
            Random warm = new Random(seed);
            for (int i = 0; i < 30; i++) {
                WhatIfLoadBench.send(http, base + "/api/what-if", WhatIfBench.request(i, warm, data));
            }
            List<WhatIfLoadBench.Answer> layers = Collections.synchronizedList(new ArrayList<>());
            List<WhatIfLoadBench.Answer> whatIfs = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(layerClients + whatIfClients);
            CountDownLatch go = new CountDownLatch(1);
            long[] deadline = new long[1];
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < layerClients; c++) {
                int offset = c;
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; System.nanoTime() < deadline[0]; i++) {
                        layers.add(get(http, base + paths.get((i + offset) % paths.size())));
                    }
                    return null;
                }));
            }
            for (int c = 0; c < whatIfClients; c++) {
                Random rnd = new Random(seed + c);
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; System.nanoTime() < deadline[0]; i++) {
                        whatIfs.add(WhatIfLoadBench.send(http, base + "/api/what-if", WhatIfBench.request(i, rnd,
                            data)));
                    }
                    return null;
                }));
            }
            long t0 = System.nanoTime();
            deadline[0] = t0 + TimeUnit.SECONDS.toNanos(seconds);
            go.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            System.out.printf(Locale.ROOT, "%d layer clients + %d what-if clients for %d s (%.1f s until the last "
                + "answer)%n", layerClients, whatIfClients, seconds, elapsed);
            int layerErrors = summary("layers", layers, elapsed, false);
            int whatIfErrors = summary("what-if", whatIfs, elapsed, true);
            System.out.printf(Locale.ROOT, "errors (other than the pool's 503s): %d%n", layerErrors + whatIfErrors);
            exit = layerErrors + whatIfErrors == 0 ? 0 : 1;
        } finally {
            app.stop();
        }
        System.exit(exit);
    }

    /** Prints the answers' counts and latencies; returns the number of errors (503 allowed only when asked). */
    private static int summary(String what, List<WhatIfLoadBench.Answer> answers, double seconds, boolean busyOk) {
        List<Double> ok = new ArrayList<>();
        List<Double> busy = new ArrayList<>();
        int errors = 0;
        boolean retryAfter = true;
        for (WhatIfLoadBench.Answer a : answers) {
            if (a.status() == 200) {
                ok.add(a.ms());
            } else if (busyOk && a.status() == 503) {
                busy.add(a.ms());
                retryAfter &= a.retryAfter() != null;
            } else {
                errors++;
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d requests (%.1f/s): 200: %d, 503: %d%s, errors: %d%n", what,
            answers.size(), answers.size() / seconds, ok.size(), busy.size(),
            busy.isEmpty() ? "" : " (all with Retry-After: " + retryAfter + ")", errors);
        if (!ok.isEmpty()) {
            WhatIfBench.report(what + " 200", ok);
        }
        if (!busy.isEmpty()) {
            WhatIfBench.report(what + " 503", busy);
        }
        return errors + (retryAfter ? 0 : 1);
    }

    private static WhatIfLoadBench.Answer get(HttpClient http, String url) {
        long s = System.nanoTime();
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                System.out.println("unexpected " + r.statusCode() + " for " + url);
            }
            return new WhatIfLoadBench.Answer(r.statusCode(), (System.nanoTime() - s) / 1e6, null);
        } catch (Exception e) {
            System.out.println("failed: " + url + ": " + e);
            return new WhatIfLoadBench.Answer(-1, (System.nanoTime() - s) / 1e6, null);
        }
    }
}
