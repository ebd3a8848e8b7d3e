package org.eldercare.planner.web.cli;

import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.policy.PolicyProfiles;
import picocli.CommandLine.Option;

/**
 * picocli mixin for the required {@code --profile ID|FILE} option of the analysis commands: a built-in policy profile
 * id or the path to a profile .yaml file, resolved by {@link PolicyProfiles#resolve}.
 */
final class ProfileOption {
    @Option(names = "--profile", required = true, paramLabel = "ID",
        description = "Policy profile id (see `planner profiles`) or path to a profile .yaml file "
            + "(e.g. docs/examples/regional-siting.yaml).")
    String profile;

    /**
     * The profile named by {@code --profile}.
     *
     * @throws IllegalArgumentException when the id is unknown or the file cannot be read as a profile
     */
    PolicyProfile resolve() {
        return PolicyProfiles.resolve(profile);
    }
}
