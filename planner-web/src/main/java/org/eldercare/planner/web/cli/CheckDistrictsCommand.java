package org.eldercare.planner.web.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.io.FeatureLayer;
import org.eldercare.planner.io.LayerFiles;
import org.eldercare.planner.io.ReadOptions;
import org.eldercare.planner.planning.DistrictFiles;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.zoning.DistrictCheckResult;
import org.eldercare.planner.zoning.DistrictVerdict;
import org.eldercare.planner.zoning.VerdictStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code planner check-districts --districts FILE --profile ID [--out verdicts.json]}: the floor-area check per 100
 * households for every residential district of a file. Exit code 0 when no district fails, 1 when any fails, 2 on
 * bad input (unreadable file, bad feature, unknown profile).
 */
@Command(name = "check-districts", mixinStandardHelpOptions = true,
    description = {"Check residential districts against the elderly-service floor area per 100 households "
        + "(每百户配建面积) of a policy profile; pooled provision of small adjacent existing districts where the "
        + "profile allows it.",
        "Features need properties id, households, status (new|existing) and elderlySitesM2 (array of m², [] if none;"
        + " elderlySiteAreasM2 and the Chinese column names of the districts layer, e.g. 户数, 状态, 养老服务用房面积,"
        + " are accepted too); optional landAreaM2 and adjacentTo (ids) for pooling without polygons.",
        "Exit code: 0 all pass, 1 any district fails, 2 bad input."})
public final class CheckDistrictsCommand extends PlannerCommand {
    @CommandLine.Option(names = "--districts", required = true, paramLabel = "FILE",
        description = "Districts file: GeoJSON (.geojson/.json), CSV (.csv) or GeoPackage (.gpkg, with --layer when it"
            + " has several tables).")
    Path districts;

    @CommandLine.Option(names = "--layer", paramLabel = "NAME",
        description = "Layer (GeoPackage table) to read when the file has several.")
    String layer;

    @CommandLine.Mixin
    ProfileOption profile;

    @CommandLine.Option(names = "--out", paramLabel = "FILE",
        description = "Write the verdicts here: a .geojson/.gpkg/.csv file gets the district-verdict layer (boundary"
            + " and the verdict properties of docs/geojson-schemas.md), any other name the JSON array of verdicts"
            + " (default: print the JSON array to stdout).")
    Path out;

    @CommandLine.Option(names = "--field", paramLabel = "NAME=PROPERTY",
        description = "Map a field to the file's property name, e.g. --field households=户数 (fields: id, households,"
            + " status, elderlySitesM2, landAreaM2, adjacentTo).")
    Map<String, String> fields = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException {
        PolicyProfile p = profile.resolve();
        FeatureLayer layerRead = LayerFiles.readLayer(districts, layer, ReadOptions.defaults());
        DistrictFiles.Checked checked = DistrictFiles.check(layerRead, fields, p);
        DistrictCheckResult result = checked.result();

        List<Map<String, Object>> json = new ArrayList<>();
        for (DistrictVerdict v : result.verdicts()) {
            json.add(v.toMap());
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        PrintWriter stdout = out();
        if (out == null) {
            stdout.println(mapper.writeValueAsString(json));
        } else {
            if (isLayerFile(out)) {
                LayerFiles.write(out, "district_verdicts", checked.features(p.id()), Crs.WGS84);
            } else {
                Files.writeString(out, mapper.writeValueAsString(json) + "\n");
            }
            for (DistrictVerdict v : result.verdicts()) {
                stdout.printf("%-14s %-15s %10.2f %10.2f %10.2f  %s%n", v.districtId(), v.status(), v.requiredM2(),
                    v.providedM2(), v.shortfallM2(), v.reasonEn());
            }
            stdout.printf("%d districts, profile %s: %d pass, %d pass pooled, %d fail, %d not applicable -> %s%n",
                result.verdicts().size(), p.id(), result.count(VerdictStatus.PASS),
                result.count(VerdictStatus.PASS_POOLED), result.count(VerdictStatus.FAIL),
                result.count(VerdictStatus.NOT_APPLICABLE), out);
        }
        stdout.flush();
        return result.allPass() ? 0 : 1;
    }

    private static boolean isLayerFile(Path file) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".geojson") || n.endsWith(".gpkg") || n.endsWith(".csv");
    }
}
