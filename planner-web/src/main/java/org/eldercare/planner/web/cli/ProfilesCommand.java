package org.eldercare.planner.web.cli;

import java.io.PrintWriter;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.policy.PolicyProfiles;
import picocli.CommandLine.Command;

/** {@code planner profiles}: lists the shipped policy profiles. */
@Command(name = "profiles", mixinStandardHelpOptions = true,
    description = "List the shipped policy profiles (政策配置): id, jurisdiction, period, parent, number of rules.")
public final class ProfilesCommand extends PlannerCommand {
    @Override
    public Integer call() {
        PrintWriter out = out();
        out.printf("%-16s %-10s %-10s %5s  %s%n", "ID", "PERIOD", "EXTENDS", "RULES", "JURISDICTION / DOCUMENT");
        for (PolicyProfile p : PolicyProfiles.builtIn()) {
            out.printf("%-16s %-10s %-10s %5d  %s%n", p.id(), p.period(), p.parent().orElse("-"), p.rules().size(),
                p.jurisdiction());
            out.printf("%-16s %-10s %-10s %5s  %s%n", "", "", "", "", p.nameZh());
        }
        out.println();
        out.println("Show every rule with `planner profile show ID`; a profile file of your own: "
            + "`planner profile show path/to/my.yaml`.");
        out.flush();
        return 0;
    }
}
