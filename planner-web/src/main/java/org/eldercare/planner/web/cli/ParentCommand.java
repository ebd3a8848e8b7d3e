package org.eldercare.planner.web.cli;

/**
 * A command that only groups subcommands ({@code planner}, {@code planner profile}, {@code planner scenario}): run on
 * its own it prints its usage, listing the subcommands.
 */
abstract class ParentCommand extends PlannerCommand {
    @Override
    public final Integer call() {
        spec.commandLine().usage(out());
        return 0;
    }
}
