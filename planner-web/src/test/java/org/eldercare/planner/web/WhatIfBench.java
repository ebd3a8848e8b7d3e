package org.eldercare.planner.web;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.web.server.PlannerServer;
import org.eldercare.planner.web.server.ServerSettings;

/**
 * What-if latency on the sample county, run by hand (not a unit test): starts the server in-process (timing the
 * one-off build of network, baseline report and circles), then sends {@code n} what-if requests one after another,
 * as a planner clicking the map does: an add at a demand point's position (a kind chosen by a fixed seed), a move of
 * a facility by about 300 m, and a close, in turn. Latency is measured from send to last byte.
 *
 * <p>Usage: {@code WhatIfBench [n=60] [seed=7]}
 */
public final class WhatIfBench {
    private WhatIfBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 7;
        PlanningData data = SampleCounty.data();
        long t0 = System.nanoTime();
        Javalin app = PlannerServer.create(data, ServerSettings.offline());
        double buildMs = (System.nanoTime() - t0) / 1e6;
        app.start("127.0.0.1", 0);
        try {
            HttpClient http = HttpClient.newHttpClient();
            String url = "http://127.0.0.1:" + app.port() + "/api/what-if";
            Random rnd = new Random(seed);
            List<Double> add = new ArrayList<>();
            List<Double> move = new ArrayList<>();
            List<Double> close = new ArrayList<>();
            post(http, url, "{\"changes\":[]}"); // warm-up: JIT
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            for (int i = 0; i < n; i++) {
                String body = request(i, rnd, data);
                List<Double> into = i % 3 == 0 ? add : i % 3 == 1 ? move : close;
                long s = System.nanoTime();
                post(http, url, body);
                into.add((System.nanoTime() - s) / 1e6);
            }
            double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / n;
            System.out.printf(Locale.ROOT, "server build (network, baseline, circles, layers): %.0f ms%n", buildMs);
            System.out.printf(Locale.ROOT, "process CPU per what-if (server and client, all threads): %.1f ms%n", cpuMs);
            report("add", add);
            report("move", move);
            report("close", close);
            List<Double> all = new ArrayList<>(add);
            all.addAll(move);
            all.addAll(close);
            report("all", all);
        } finally {
            app.stop();
        }
    }

    /**
     * The {@code i}-th what-if a planner sends: i % 3 = 0 adds a facility (a kind drawn from {@code rnd}) at a demand
     * point's position, 1 moves a facility by about 300 m east, 2 closes one.
     */
    static String request(int i, Random rnd, PlanningData data) {
        FacilityKind[] kinds = {FacilityKind.DAY_CARE_CENTRE, FacilityKind.SERVICE_STATION, FacilityKind.CANTEEN,
            FacilityKind.RURAL_MUTUAL_AID, FacilityKind.COMPREHENSIVE_CENTRE};
        if (i % 3 == 0) {
            var p = data.demandPoints().get(rnd.nextInt(data.demandPoints().size())).location();
            return String.format(Locale.ROOT, "{\"changes\":[{\"op\":\"add\",\"kind\":\"%s\",\"lon\":%.6f,"
                + "\"lat\":%.6f}]}", kinds[rnd.nextInt(kinds.length)].id(), p.getX(), p.getY());
        }
        Facility f = data.facilities().get(rnd.nextInt(data.facilities().size()));
        if (i % 3 == 1) {
            return String.format(Locale.ROOT, "{\"changes\":[{\"op\":\"move\",\"id\":\"%s\",\"lon\":%.6f,"
                + "\"lat\":%.6f}]}", f.id(), f.location().getX() + 0.003, f.location().getY());
        }
        return "{\"changes\":[{\"op\":\"close\",\"id\":\"" + f.id() + "\"}]}";
    }

    private static void post(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
    }

    static void report(String what, List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        System.out.printf(Locale.ROOT, "%-5s n=%3d  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n", what, s.size(),
            s.get(s.size() / 2), s.get((int) Math.ceil(0.95 * s.size()) - 1), s.get(s.size() - 1));
    }
}
