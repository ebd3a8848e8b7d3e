package org.eldercare.planner.web.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.io.AttributeMapping;
import org.eldercare.planner.io.ReadOptions;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.WorkspaceImport;
import org.eldercare.planner.store.Workspaces;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code planner import --from SOURCE... --to WORKSPACE}: reads files into a GeoPackage or PostGIS workspace in one
 * atomic change (see {@link WorkspaceImport}). Exit code 0 on success, 2 on bad input or an unreachable store.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import layer files into a workspace (a .gpkg file, created if missing, or "
        + "jdbc:postgresql://host:port/db with PGUSER/PGPASSWORD or PLANNER_DB_CONFIG for the credentials).",
        "SOURCE is [LAYER=]FILE[#TABLE]: GeoJSON, CSV, OSM (.osm/.osm.pbf: its roads), GeoPackage, a planner "
            + "workspace .gpkg (everything, with saved documents) or a directory written by `planner export`. "
            + "Without LAYER= the layer comes from the file or table name. LAYER: admin-units, facilities, "
            + "medical-facilities, districts, demand-points, roads.",
        "The layers named by the sources are replaced; other layers are kept. All sources are checked first: any "
            + "problem (each naming file, feature and field) leaves the workspace untouched."})
public final class ImportCommand extends PlannerCommand {
    @CommandLine.Option(names = "--from", required = true, arity = "1..*", paramLabel = "SOURCE",
        description = "[LAYER=]FILE[#TABLE] or a directory; repeat or list several.")
    List<String> from = new ArrayList<>();

    @CommandLine.Option(names = "--to", required = true, paramLabel = "WORKSPACE",
        description = "A .gpkg file or jdbc:postgresql://host:port/db (no credentials in the URL).")
    String to;

    @CommandLine.Option(names = "--mapping", paramLabel = "FILE",
        description = "Attribute mapping (.yaml/.json) for files whose columns are named differently, e.g. 床位数.")
    Path mapping;

    @CommandLine.Option(names = "--crs", paramLabel = "CRS",
        description = "CRS of files that do not declare one (CSV, GeoJSON without crs), e.g. EPSG:4547 or gcj02; "
            + "default WGS84.")
    String crs;

    @CommandLine.Option(names = "--encoding", paramLabel = "CHARSET",
        description = "Shapefile: character set of the .dbf when it has no .cpg, e.g. GBK or UTF-8")
    String encoding;

    @CommandLine.Option(names = "--china", description = "Report coordinates outside China's extent as problems.")
    boolean china;

    @CommandLine.Option(names = "--name", paramLabel = "NAME", description = "Name of the workspace (county/city).")
    String name;

    @CommandLine.Option(names = "--clip-to-county", paramLabel = "METRES", arity = "0..1", fallbackValue = "2000",
        description = "Cut .osm/.osm.pbf sources (a regional or national extract) to the county's boundary (the "
            + "top-tier admin units of this import or the workspace) plus this buffer in metres (default 2000), "
            + "streaming with memory for the county only.")
    Double clipBufferMeters;

    @Override
    public Integer call() throws IOException {
        List<WorkspaceImport.Source> sources = new ArrayList<>();
        for (String s : from) {
            sources.add(WorkspaceImport.Source.parse(s));
        }
        AttributeMapping m = mapping == null ? AttributeMapping.defaults() : AttributeMapping.load(mapping);
        ReadOptions options = ReadOptions.defaults().withChinaExtent(china);
        if (crs != null) {
            options = options.withCrs(Crs.parse(crs));
        }
        if (encoding != null) {
            options = options.withEncoding(encoding);
        }
        WorkspaceImport.Result r;
        try (Workspace ws = Workspaces.open(to)) {
            WorkspaceImport imp = new WorkspaceImport(sources, m, options, Optional.ofNullable(name));
            r = (clipBufferMeters == null ? imp : imp.clippedToCounty(clipBufferMeters)).into(ws);
        } catch (IllegalStateException e) {
            return storeFailed(e);
        }
        PrintWriter out = out();
        PrintWriter err = err();
        for (String note : r.notes()) {
            err.println("note: " + note);
        }
        out.println(CliWorkspaces.layerCountsLine("imported into " + r.workspace(), r.layerCounts(), r.documents()));
        out.flush();
        err.flush();
        return 0;
    }
}
