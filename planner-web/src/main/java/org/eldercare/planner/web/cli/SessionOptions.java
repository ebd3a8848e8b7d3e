package org.eldercare.planner.web.cli;

import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.policy.PolicyProfile;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * picocli mixin for what an analysis command works on: the workspace ({@code --data WORKSPACE}: a GeoPackage file, a
 * PostGIS URL or a directory of layer files, read by {@link CliWorkspaces#readData}), the policy profile
 * ({@code --profile}) and the snap distance ({@code --max-snap-m}), which together open the {@link PlanningSession}.
 */
final class SessionOptions {
    @Option(names = "--data", required = true, paramLabel = "WORKSPACE",
        description = "Workspace: a .gpkg file (e.g. data/guixi/guixi.gpkg), a jdbc:postgresql:// URL, or a directory "
            + "of layer files.")
    String data;

    @Mixin
    ProfileOption profile;

    @Mixin
    MaxSnapOption maxSnap;

    /** The profile named by {@code --profile}. */
    PolicyProfile profile() {
        return profile.resolve();
    }

    /**
     * The workspace named by {@code --data}.
     *
     * @throws IllegalArgumentException naming {@code --data} when there is no such GeoPackage or directory, or a
     *                                  layer is missing
     */
    PlanningData read() throws Exception {
        return CliWorkspaces.readData(data);
    }

    /** {@code --max-snap-m} in metres. */
    double maxSnapMeters() {
        return maxSnap.meters;
    }

    /** The session of {@code data} under {@code profile}, snapping within {@code --max-snap-m}. */
    PlanningSession open(PlanningData data, PolicyProfile profile) {
        return PlanningSession.of(data, profile, maxSnap.meters);
    }
}
