package org.eldercare.planner.web.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.io.FileInspector;
import org.eldercare.planner.io.ReadException;
import org.eldercare.planner.io.ReadOptions;
import org.eldercare.planner.model.InputProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code planner info FILE}: layers, feature counts, geometry types, CRS, WGS84 bounding box, validation problems and
 * caveats (e.g. GCJ-02 for DataV boundary files) of any supported file. Exit code 0 when the file is readable and
 * clean, 1 when it is readable but has validation problems, 2 when it cannot be read (every problem is printed).
 */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = {"Describe a data file: layers, feature counts, geometry types, CRS, bounding box, validation "
        + "problems.", "Formats: .geojson/.json, .csv, .osm, .osm.pbf, .gpkg, .shp (through GDAL's ogr2ogr), .xlsx. "
        + "Exit 0 clean, 1 validation problems, 2 unreadable."})
public final class InfoCommand extends PlannerCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "the file to describe")
    Path file;

    @Option(names = "--crs", paramLabel = "CRS",
        description = "CRS of the coordinates when the file does not declare one: EPSG:4326 (default), EPSG:4490, "
            + "EPSG:4513-4554, EPSG:326xx/327xx, or gcj02 for data copied from Chinese consumer maps (DataV, Gaode)")
    String crs;

    @Option(names = "--encoding", paramLabel = "CHARSET",
        description = "Shapefile: character set of the .dbf when it has no .cpg, e.g. GBK or UTF-8")
    String encoding;

    @Option(names = "--china-extent", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "report coordinates outside China's extent as problems (default: on; --no-china-extent for "
            + "data elsewhere)")
    boolean chinaExtent;

    @Option(names = "--lon-column", paramLabel = "NAME", description = "CSV: longitude/easting column")
    String lonColumn;

    @Option(names = "--lat-column", paramLabel = "NAME", description = "CSV: latitude/northing column")
    String latColumn;

    @Option(names = "--wkt-column", paramLabel = "NAME", description = "CSV: WKT geometry column")
    String wktColumn;

    @Override
    public Integer call() throws IOException {
        ReadOptions options = ReadOptions.defaults().withChinaExtent(chinaExtent);
        if (crs != null) {
            options = options.withCrs(Crs.parse(crs));
        }
        if (encoding != null) {
            options = options.withEncoding(encoding);
        }
        if (lonColumn != null || latColumn != null) {
            if (lonColumn == null || latColumn == null) {
                throw new IllegalArgumentException("--lon-column/--lat-column: give both");
            }
            options = options.withLonLatColumns(lonColumn, latColumn);
        }
        if (wktColumn != null) {
            options = options.withWktColumn(wktColumn);
        }
        FileInspector.FileReport r = FileInspector.inspect(file, options);
        PrintWriter out = out();
        out.println("file:    " + r.file());
        out.println("format:  " + r.format());
        if (!r.readable()) {
            out.println("UNREADABLE: " + r.readProblems().size() + " problem(s):");
            for (InputProblem p : r.readProblems()) {
                out.println("  " + p);
            }
        }
        for (FileInspector.LayerReport l : r.layers()) {
            out.println("layer " + l.name());
            out.println("  features:   " + l.featureCount());
            out.println("  geometry:   " + (l.geometryTypes().isEmpty() ? "-" : types(l.geometryTypes())));
            out.println("  crs:        " + (l.bbox().isEmpty() ? "- (no geometry)"
                : l.crs() + (l.crs().equals("EPSG:4326") ? "" : " (converted to EPSG:4326)")));
            out.println("  bbox:       " + l.bbox().map(b -> b + " (WGS84 lon,lat)").orElse("-"));
            out.println("  properties: " + (l.properties().isEmpty() ? "-" : String.join(", ", l.properties())));
            if (l.problems().isEmpty()) {
                out.println("  problems:   none");
            } else {
                out.println("  problems:   " + l.problems().size());
                for (String p : l.problems()) {
                    out.println("    " + p);
                }
            }
        }
        if (!r.caveats().isEmpty()) {
            out.println("caveats:");
            for (String c : r.caveats()) {
                out.println("  " + c);
            }
        }
        out.flush();
        return !r.readable() ? PlannerCli.EXIT_BAD_INPUT : r.clean() ? 0 : 1;
    }

    private static String types(Map<String, Integer> types) {
        return types.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
