package org.eldercare.planner.web;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.web.server.AnalysisLimits;
import org.eldercare.planner.web.server.PlannerServer;
import org.eldercare.planner.web.server.ServerSettings;

/**
 * Concurrent what-ifs on the sample county, run by hand (not a unit test): starts the server in-process with the
 * default analysis pool ({@link AnalysisLimits#defaults()}: one thread per processor, 4 waiting per thread), then
 * for each client count C: C clients start together and each sends R what-ifs one after another (no think time; the
 * requests of {@link WhatIfBench#request}). Reports per C the answers 200 and 503, the latency of each (send to last
 * byte) and anything else (an error, which the bench counts and prints, never hides).
 *
 * <p>Usage: {@code WhatIfLoadBench [rounds=6] [clients=10,50] [seed=7] [threads,queue]} (the last replaces the default
 * pool, e.g. {@code 64,0} for a comparison without a useful bound).
 */
public final class WhatIfLoadBench {
    private WhatIfLoadBench() {}

    record Answer(int status, double ms, String retryAfter) {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        String[] counts = (args.length > 1 ? args[1] : "10,50").split(",");
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 7;
        PlanningData data = SampleCounty.data();
        ServerSettings settings = ServerSettings.offline();
        if (args.length > 3) {
            String[] tq = args[3].split(",");
            settings = settings.withLimits(new AnalysisLimits(Integer.parseInt(tq[0]), Integer.parseInt(tq[1]), 1));
        }
        long t0 = System.nanoTime();
        Javalin app = PlannerServer.create(data, settings).start("127.0.0.1", 0);
        System.out.printf(Locale.ROOT, "server build: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        AnalysisLimits l = settings.limits();
        System.out.printf(Locale.ROOT, "analysis pool: %d threads, %d waiting, Retry-After %d s%n", l.threads(),
            l.queue(), l.retryAfterSeconds());
        try {
            String url = "http://127.0.0.1:" + app.port() + "/api/what-if";
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8, r -> {
                    Thread t = new Thread(r, "bench-http");
                    t.setDaemon(true); // lets the JVM exit when main ends
                    return t;
                })).build();
            long w = System.nanoTime();
            Random warm = new Random(seed);
            for (int i = 0; i < 30; i++) {
                send(http, url, WhatIfBench.request(i, warm, data)); // warm-up: JIT
            }
            System.out.printf(Locale.ROOT, "warm-up, 30 what-ifs one after another: %.1f s%n", (System.nanoTime() - w) / 1e9);
            for (String c : counts) {
                run(http, url, Integer.parseInt(c.strip()), rounds, seed, data);
            }
        } finally {
            app.stop();
        }
    }

    private static void run(HttpClient http, String url, int clients, int rounds, long seed, PlanningData data)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Answer>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Random rnd = new Random(seed + c);
            futures.add(pool.submit(() -> {
                go.await();
                List<Answer> out = new ArrayList<>();
                for (int i = 0; i < rounds; i++) {
                    out.add(send(http, url, WhatIfBench.request(i, rnd, data)));
                }
                return out;
            }));
        }
        long t0 = System.nanoTime();
        go.countDown();
        List<Answer> all = new ArrayList<>();
        for (Future<List<Answer>> f : futures) {
            all.addAll(f.get());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        List<Double> ok = new ArrayList<>();
        List<Double> busy = new ArrayList<>();
        int other = 0;
        boolean retryAfter = true;
        for (Answer a : all) {
            if (a.status() == 200) {
                ok.add(a.ms());
            } else if (a.status() == 503) {
                busy.add(a.ms());
                retryAfter &= a.retryAfter() != null;
            } else {
                other++;
            }
        }
        System.out.printf(Locale.ROOT, "%d clients x %d: %d requests in %.1f s (%.1f/s); 200: %d, 503: %d (all with "
            + "Retry-After: %s), other: %d%n", clients, rounds, all.size(), seconds, all.size() / seconds, ok.size(),
            busy.size(), retryAfter, other);
        if (!ok.isEmpty()) {
            WhatIfBench.report("200", ok);
        }
        if (!busy.isEmpty()) {
            WhatIfBench.report("503", busy);
        }
    }

    static Answer send(HttpClient http, String url, String body) {
        long s = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 && r.statusCode() != 503) {
                System.out.println("unexpected " + r.statusCode() + ": " + r.body());
            }
            return new Answer(r.statusCode(), (System.nanoTime() - s) / 1e6,
                r.headers().firstValue("Retry-After").orElse(null));
        } catch (Exception e) {
            System.out.println("failed: " + e);
            return new Answer(-1, (System.nanoTime() - s) / 1e6, null);
        }
    }
}
