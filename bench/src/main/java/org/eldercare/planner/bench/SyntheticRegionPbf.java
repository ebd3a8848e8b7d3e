package org.eldercare.planner.bench;

import com.google.protobuf.ByteString;
import crosby.binary.Osmformat;
import crosby.binary.file.BlockOutputStream;
import crosby.binary.file.FileBlock;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a synthetic regional OSM PBF: an {@code n × n} street grid with {@code spacing} metres between junctions,
 * centred on a lon/lat, junctions moved up to 10 m at random (fixed seed), laid out as a real extract is (an OSMHeader
 * block, then dense-node blocks of 8 000 nodes, then way blocks of about 400 000 node references, zlib-compressed). Every grid row and column is one way; one in five is a
 * {@code residential} street, the others alternate {@code footway}, {@code living_street}, {@code tertiary} and
 * {@code service}, so walking and driving networks differ. A grid of n = 700 at 100 m is a 70 km square with
 * 2·n·(n−1) = 978 600 street segments, a provincial extract for a county of 32 km. Used by {@link CountyNetworkBench};
 * not a tool for users.
 */
public final class SyntheticRegionPbf {
    static final int GRANULARITY = 100;   // nanodegrees
    private static final String[] CLASSES = {"residential", "footway", "living_street", "tertiary", "service"};

    private SyntheticRegionPbf() {}

    /** Longitude of grid column {@code i}. */
    static double lon(double lon0, double lat0, double spacing, int n, int i) {
        return lon0 + (i - (n - 1) / 2.0) * spacing / (111_320 * Math.cos(Math.toRadians(lat0)));
    }

    /** Latitude of grid row {@code j}. */
    static double lat(double lat0, double spacing, int n, int j) {
        return lat0 + (j - (n - 1) / 2.0) * spacing / 110_574;
    }

    public static void write(Path file, int n, double spacing, double lon0, double lat0) throws IOException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            BlockOutputStream out = new BlockOutputStream(os);
            Osmformat.HeaderBlock header = Osmformat.HeaderBlock.newBuilder()
                .addRequiredFeatures("OsmSchema-V0.6").addRequiredFeatures("DenseNodes")
                .setWritingprogram("eldercare-planner bench").build();
            out.write(FileBlock.newInstance("OSMHeader", header.toByteString(), null));
            long nodes = (long) n * n;
            java.util.Random jitter = new java.util.Random(7);   // ±10 m per junction, as surveyed streets are
            for (long start = 0; start < nodes; start += 8000) {
                Osmformat.DenseNodes.Builder dense = Osmformat.DenseNodes.newBuilder();
                long prevId = 0;
                long prevLat = 0;
                long prevLon = 0;
                for (long k = start; k < Math.min(nodes, start + 8000); k++) {
                    int i = (int) (k % n);
                    int j = (int) (k / n);
                    long id = k + 1;
                    double jy = (jitter.nextDouble() - 0.5) * 20 / 110_574;
                    double jx = (jitter.nextDouble() - 0.5) * 20 / (111_320 * Math.cos(Math.toRadians(lat0)));
                    long la = Math.round((lat(lat0, spacing, n, j) + jy) * 1e9 / GRANULARITY);
                    long lo = Math.round((lon(lon0, lat0, spacing, n, i) + jx) * 1e9 / GRANULARITY);
                    dense.addId(id - prevId).addLat(la - prevLat).addLon(lo - prevLon);
                    prevId = id;
                    prevLat = la;
                    prevLon = lo;
                }
                Osmformat.PrimitiveBlock block = Osmformat.PrimitiveBlock.newBuilder()
                    .setStringtable(Osmformat.StringTable.newBuilder().addS(ByteString.EMPTY))
                    .addPrimitivegroup(Osmformat.PrimitiveGroup.newBuilder().setDense(dense))
                    .setGranularity(GRANULARITY).build();
                out.write(FileBlock.newInstance("OSMData", block.toByteString(), null));
            }
            // ways: rows 0..n-1 (ids 1..n), then columns (ids n+1..2n); strings: "", highway, the classes
            Osmformat.StringTable.Builder strings = Osmformat.StringTable.newBuilder().addS(ByteString.EMPTY)
                .addS(ByteString.copyFromUtf8("highway"));
            for (String c : CLASSES) {
                strings.addS(ByteString.copyFromUtf8(c));
            }
            int ways = 2 * n;
            int perBlock = Math.max(1, Math.min(8000, 400_000 / n));   // about 400 000 node refs per block
            for (int start = 0; start < ways; start += perBlock) {
                Osmformat.PrimitiveGroup.Builder group = Osmformat.PrimitiveGroup.newBuilder();
                for (int w = start; w < Math.min(ways, start + perBlock); w++) {
                    Osmformat.Way.Builder way = Osmformat.Way.newBuilder().setId(w + 1).addKeys(1)
                        .addVals(2 + (w % n % 5));
                    long prev = 0;
                    for (int k = 0; k < n; k++) {
                        long ref = w < n ? (long) w * n + k + 1 : (long) k * n + (w - n) + 1;
                        way.addRefs(ref - prev);
                        prev = ref;
                    }
                    group.addWays(way);
                }
                Osmformat.PrimitiveBlock block = Osmformat.PrimitiveBlock.newBuilder().setStringtable(strings)
                    .addPrimitivegroup(group).build();
                out.write(FileBlock.newInstance("OSMData", block.toByteString(), null));
            }
            out.flush();
        }
    }

    /** For a look at the file: {@code SyntheticRegionPbf OUT.osm.pbf [n=700] [spacing=100]}. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 700,
            args.length > 2 ? Double.parseDouble(args[2]) : 100, 117.2, 28.3);
    }
}
