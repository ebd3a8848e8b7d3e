package org.eldercare.planner.web.cli;

import java.io.PrintWriter;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.policy.PolicyProfiles;
import org.eldercare.planner.policy.Rule;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code planner profile show ID}: every rule of one profile with value, unit, source and binding. */
@Command(name = "profile", mixinStandardHelpOptions = true,
    description = "Inspect one policy profile.",
    subcommands = {ProfileCommand.Show.class})
public final class ProfileCommand extends ParentCommand {
    /** Prints every rule (inherited ones included) of a shipped profile or a profile file. */
    @Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print every rule of a profile: id, value, unit, source (document + clause), binding; "
            + "'*' marks values the documents do not give (assumptions, see the note).")
    public static final class Show extends PlannerCommand {
        @CommandLine.Parameters(index = "0", paramLabel = "ID",
            description = "Shipped profile id (see `planner profiles`) or path to a profile .yaml file.")
        String id;

        @CommandLine.Option(names = "--notes", description = "Also print each rule's description and note.")
        boolean notes;

        @Override
        public Integer call() {
            PolicyProfile p = PolicyProfiles.resolve(id);
            PrintWriter out = out();
            out.println(p.id() + ": " + p.nameZh());
            out.println("  " + p.nameEn());
            out.println("  jurisdiction: " + p.jurisdiction() + "; period: " + p.period()
                + p.parent().map(x -> "; extends: " + x).orElse(""));
            out.println();
            out.printf("%-46s %10s %-18s %-10s %s%n", "RULE", "VALUE", "UNIT", "BINDING", "SOURCE");
            for (Rule r : p.listRules()) {
                out.printf("%-46s %10s %-18s %-10s %s%s%n", r.id(), Rule.formatValue(r.value()), r.unit(),
                    r.binding().name(), r.citation(), r.assumption() ? "  *assumption" : "");
                if (notes) {
                    out.println("    " + r.descriptionZh());
                    out.println("    " + r.descriptionEn());
                    if (!r.note().isEmpty()) {
                        out.println("    note: " + r.note());
                    }
                }
            }
            out.flush();
            return 0;
        }
    }
}
