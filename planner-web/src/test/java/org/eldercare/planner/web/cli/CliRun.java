package org.eldercare.planner.web.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the {@code planner} command line in-process: exit code and what it printed to stdout and stderr. */
record CliRun(int code, String out, String err) {
    static CliRun of(String... args) {
        CommandLine cl = PlannerCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
