package org.eldercare.planner.web.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * A {@code planner} command: picocli injects its spec, and the command prints to the command line's own streams
 * ({@link #out()}, {@link #err()}), which tests capture. {@link #call()} answers the exit code.
 */
abstract class PlannerCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The command line's standard output. */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The command line's error output. */
    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Reports a store that could not be reached or written ({@link IllegalStateException} from the store) on
     * {@link #err()} as {@code error: MESSAGE}.
     *
     * @return {@link PlannerCli#EXIT_BAD_INPUT}
     */
    final int storeFailed(IllegalStateException e) {
        PrintWriter err = err();
        err.println("error: " + e.getMessage());
        err.flush();
        return PlannerCli.EXIT_BAD_INPUT;
    }
}
