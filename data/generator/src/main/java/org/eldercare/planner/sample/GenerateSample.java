package org.eldercare.planner.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eldercare.planner.model.PlanningData;

/**
 * Command-line entry point: regenerates the sample county from the raw sources.
 *
 * <pre>
 * java -cp … org.eldercare.planner.sample.GenerateSample &lt;raw dir&gt; &lt;out dir&gt; [seed]
 * </pre>
 *
 * Writes {@code <out>/guixi/} (GeoPackage with every layer, GeoJSON copies of the small layers, the town-centre OSM
 * extract) and {@code <out>/haidian/} (the 五道口 OSM extract). Exit code 0 on success, 2 on bad arguments, 1 when an
 * input cannot be read.
 */
public final class GenerateSample {
    /** Town-centre OSM extract, copied unchanged. */
    public static final String GUIXI_OSM = "guixi/guixi_center_2024-11.osm";
    /** 五道口 OSM extract, copied unchanged. */
    public static final String HAIDIAN_OSM = "haidian/haidian_wudaokou_2017-06.osm";

    private GenerateSample() {}

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: GenerateSample <raw dir (shared/data/raw)> <out dir (data)> [seed, default "
                + SampleGenerator.DEFAULT_SEED + "]");
            System.exit(2);
        }
        Path raw = Path.of(args[0]);
        Path out = Path.of(args[1]);
        long seed;
        try {
            seed = args.length == 3 ? Long.parseLong(args[2]) : SampleGenerator.DEFAULT_SEED;
        } catch (NumberFormatException e) {
            System.err.println("seed must be an integer, was '" + args[2] + "'");
            System.exit(2);
            return;
        }
        try {
            PlanningData data = write(raw, out, seed);
            System.out.printf("wrote %s: %d admin units, %d facilities, %d medical facilities, %d districts, "
                    + "%d demand points (%.0f elderly), %d roads%n", out.toAbsolutePath().normalize(),
                data.adminUnits().size(), data.facilities().size(), data.medicalFacilities().size(),
                data.districts().size(), data.demandPoints().size(),
                data.demandPoints().stream().mapToDouble(p -> p.elderly()).sum(), data.roads().size());
        } catch (IOException | RuntimeException e) {
            System.err.println("GenerateSample failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Generates the sample from {@code raw} with {@code seed} and writes every output file below {@code out}. */
    public static PlanningData write(Path raw, Path out, long seed) throws IOException {
        PlanningData data = SampleGenerator.generate(raw, seed);
        Files.createDirectories(out.resolve("guixi"));
        Files.createDirectories(out.resolve("haidian"));
        copy(raw.resolve(RawInputs.GUIXI_OSM), out.resolve(GUIXI_OSM));
        copy(raw.resolve(RawInputs.HAIDIAN_OSM), out.resolve(HAIDIAN_OSM));
        SampleLayers.write(data, out.resolve("guixi"));
        return data;
    }

    /** Byte-for-byte copy that, unlike {@code Files.copy(Path, Path)}, does not carry over read-only permissions. */
    private static void copy(Path from, Path to) throws IOException {
        try (var in = Files.newInputStream(from)) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
