package org.eldercare.planner.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load benchmark of the map's layer endpoints, run by hand (not a unit test): {@code clients} concurrent clients each
 * fetch {@code rounds} rounds of every layer the way the page does (the whole extent at the county zoom, then a
 * quarter of it one zoom deeper), and the latency of every request is recorded. Prints p50/p95/p99/max and
 * throughput. Only loopback servers are accepted; the run is bounded by count and by a 5-minute deadline.
 *
 * <p>Usage: {@code LayerLoadBench http://127.0.0.1:8080 [clients=50] [rounds=20]}
 */
public final class LayerLoadBench {
    private LayerLoadBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: LayerLoadBench http://127.0.0.1:PORT [clients=50] [rounds=20]");
            System.exit(2);
        }
        URI base = URI.create(args[0]);
        if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("url: only loopback servers are benchmarked, was " + base);
        }
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        System.out.println(run(base.toString(), clients, rounds));
    }

    /** Runs the benchmark against a server at {@code base}; returns the report as text. */
    public static String run(String base, int clients, int rounds) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> paths = paths(http, base);
        int layerCount = paths.size() / 2;
        // warm-up: one pass, so that first-use simplification and JIT are not what we measure
        long bytes = 0;
        for (String p : paths) {
            bytes += get(http, base + p).length();
        }
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            futures.add(pool.submit(() -> {
                for (int r = 0; r < rounds && System.nanoTime() < deadline; r++) {
                    for (int i = 0; i < paths.size(); i++) {
                        String p = paths.get((i + offset) % paths.size());
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> resp = http.send(HttpRequest.newBuilder(URI.create(base + p)).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                            if (resp.statusCode() != 200) {
                                failures.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                        nanos.add(System.nanoTime() - t0);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format(Locale.ROOT,
            "clients=%d rounds=%d layers=%d requests=%d failures=%d elapsed=%.1fs throughput=%.0f req/s%n"
                + "bytes per pass (all layers, both views)=%d%n"
                + "latency ms: p50=%.1f p95=%.1f p99=%.1f max=%.1f",
            clients, rounds, layerCount, sorted.size(), failures.get(), elapsed / 1e9, sorted.size() / (elapsed / 1e9),
            bytes, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
    }

    /**
     * The requests the page makes for every layer of the server at {@code base}: the whole extent at the county zoom,
     * then a quarter of it one zoom deeper.
     */
    static List<String> paths(HttpClient http, String base) throws Exception {
        JsonNode config = TestCounty.json(get(http, base + "/api/config"));
        JsonNode layers = TestCounty.json(get(http, base + "/api/layers")).get("layers");
        List<String> paths = new ArrayList<>();
        JsonNode b = config.get("bbox");
        double minLon = b.get(0).asDouble();
        double minLat = b.get(1).asDouble();
        double maxLon = b.get(2).asDouble();
        double maxLat = b.get(3).asDouble();
        int zoom = zoomFor(maxLon - minLon);
        String whole = String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", minLon, minLat, maxLon, maxLat);
        String quarter = String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", minLon + (maxLon - minLon) / 4,
            minLat + (maxLat - minLat) / 4, minLon + 3 * (maxLon - minLon) / 4, minLat + 3 * (maxLat - minLat) / 4);
        for (JsonNode l : layers) {
            String id = l.get("id").asText();
            paths.add("/api/layers/" + id + "?bbox=" + whole + "&zoom=" + zoom);
            paths.add("/api/layers/" + id + "?bbox=" + quarter + "&zoom=" + (zoom + 1));
        }
        return paths;
    }

    /** The web-map zoom at which {@code spanDegrees} of longitude fills about 1000 px. */
    static int zoomFor(double spanDegrees) {
        return (int) Math.max(0, Math.min(20, Math.floor(Math.log(1000 * 360 / (256 * spanDegrees)) / Math.log(2))));
    }

    static double pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1e6;
    }

    static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " → " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
