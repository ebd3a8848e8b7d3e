package org.eldercare.planner.web.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.WorkspaceExport;
import org.eldercare.planner.store.Workspaces;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code planner export --from WORKSPACE --to FILE.gpkg|DIR}: copies a workspace into a GeoPackage workspace file or
 * a directory of GeoJSON files (see {@link WorkspaceExport}). Exit code 0 on success, 2 on bad input or an
 * unreachable store.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Export a workspace (a .gpkg file or jdbc:postgresql://host:port/db) to a GeoPackage workspace "
        + "file (layers, name and saved documents; opens in QGIS) or to a directory with one GeoJSON file per layer "
        + "(admin-units.geojson, facilities.geojson, …, WGS84) and workspace.json (name, saved documents).",
        "`planner import --from FILE.gpkg|DIR` reads either back."})
public final class ExportCommand extends PlannerCommand {
    @CommandLine.Option(names = "--from", required = true, paramLabel = "WORKSPACE",
        description = "A .gpkg workspace or jdbc:postgresql://host:port/db (no credentials in the URL).")
    String from;

    @CommandLine.Option(names = "--to", required = true, paramLabel = "FILE.gpkg|DIR",
        description = "A .gpkg file (layers replaced, other tables kept) or a directory (created if missing).")
    Path to;

    @Override
    public Integer call() throws IOException {
        WorkspaceExport.Result r;
        try (Workspace ws = Workspaces.open(from)) {
            if (!ws.exists()) {
                throw new IllegalArgumentException("--from: workspace " + ws.location() + " is empty or missing");
            }
            r = to.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gpkg")
                ? WorkspaceExport.toGeoPackage(ws, to) : WorkspaceExport.toDirectory(ws, to);
        } catch (IllegalStateException e) {
            return storeFailed(e);
        }
        PrintWriter out = out();
        out.println(CliWorkspaces.layerCountsLine("exported to " + r.target(), r.layerCounts(), r.documents()));
        out.flush();
        return 0;
    }
}
