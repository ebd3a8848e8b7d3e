package org.eldercare.planner.bench;

import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eldercare.planner.crs.Gcj02;
import org.eldercare.planner.crs.Geodesy;
import org.eldercare.planner.crs.MetricProjection;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Point-transform throughput of the crs package: MetricProjection's ThreadLocal proj4j transform against building a
 * proj4j transform per call (the other thread-safe option), GCJ-02 inverse and Vincenty. Prints ns per point.
 * Run: {@code mvn -q -o -pl bench -am package -DskipTests} then
 * {@code java -cp bench/target/classes:$(cat /tmp/bench.cp) org.eldercare.planner.bench.CrsBench}.
 */
public final class CrsBench {
    private static final int N = 2_000_000;

    private CrsBench() {}

    public static void main(String[] args) throws Exception {
        double[] lon = new double[N];
        double[] lat = new double[N];
        Random r = new Random(42);
        for (int i = 0; i < N; i++) {
            lon[i] = 112.5 + r.nextDouble() * 3;
            lat[i] = 22 + r.nextDouble() * 2;
        }
        for (int round = 0; round < 3; round++) {
            System.out.printf("round %d%n", round);
            System.out.printf("  MetricProjection.toMetric (ThreadLocal)  %7.1f ns/point%n", threadLocal(lon, lat, N));
            System.out.printf("  new BasicCoordinateTransform per call    %7.1f ns/point%n", perCall(lon, lat, N / 20));
            System.out.printf("  Gcj02.toWgs84 (iterative)                %7.1f ns/point%n", gcj(lon, lat, N));
            System.out.printf("  Geodesy.distanceMeters (Vincenty)        %7.1f ns/pair%n", vincenty(lon, lat, N));
            System.out.printf("  Geodesy.haversineMeters                  %7.1f ns/pair%n", haversine(lon, lat, N));
            System.out.printf("  toMetric, 2 threads, wall per point      %7.1f ns/point%n", twoThreads(lon, lat));
        }
    }

    static double threadLocal(double[] lon, double[] lat, int n) {
        MetricProjection p = MetricProjection.forLongitude(114);
        double[] xy = new double[2];
        double s = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            p.toMetric(lon[i], lat[i], xy);
            s += xy[0];
        }
        long t = System.nanoTime() - t0;
        sink(s);
        return t / (double) n;
    }

    static double perCall(double[] lon, double[] lat, int n) {
        CRSFactory f = new CRSFactory();
        CoordinateReferenceSystem tgt = f.createFromName("EPSG:4547");
        CoordinateReferenceSystem src = tgt.createGeographic();
        double s = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            BasicCoordinateTransform t = new BasicCoordinateTransform(src, tgt);
            ProjCoordinate out = t.transform(new ProjCoordinate(lon[i], lat[i]), new ProjCoordinate());
            s += out.x;
        }
        long t = System.nanoTime() - t0;
        sink(s);
        return t / (double) n;
    }

    static double gcj(double[] lon, double[] lat, int n) {
        double[] out = new double[2];
        double s = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Gcj02.toWgs84(lon[i], lat[i], out);
            s += out[0];
        }
        long t = System.nanoTime() - t0;
        sink(s);
        return t / (double) n;
    }

    static double vincenty(double[] lon, double[] lat, int n) {
        double s = 0;
        long t0 = System.nanoTime();
        for (int i = 1; i < n; i++) {
            s += Geodesy.distanceMeters(lon[i - 1], lat[i - 1], lon[i], lat[i]);
        }
        long t = System.nanoTime() - t0;
        sink(s);
        return t / (double) n;
    }

    static double haversine(double[] lon, double[] lat, int n) {
        double s = 0;
        long t0 = System.nanoTime();
        for (int i = 1; i < n; i++) {
            s += Geodesy.haversineMeters(lon[i - 1], lat[i - 1], lon[i], lat[i]);
        }
        long t = System.nanoTime() - t0;
        sink(s);
        return t / (double) n;
    }

    static double twoThreads(double[] lon, double[] lat) throws Exception {
        ExecutorService ex = Executors.newFixedThreadPool(2);
        try {
            long t0 = System.nanoTime();
            Future<Double> a = ex.submit(() -> threadLocal(lon, lat, N / 2));
            Future<Double> b = ex.submit(() -> threadLocal(lon, lat, N / 2));
            a.get();
            b.get();
            return (System.nanoTime() - t0) / (double) N;
        } finally {
            ex.shutdown();
        }
    }

    private static volatile double blackhole;

    private static void sink(double v) {
        blackhole = v;
    }
}
