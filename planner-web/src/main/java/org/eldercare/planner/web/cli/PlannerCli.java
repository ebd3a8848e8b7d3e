package org.eldercare.planner.web.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code java -jar planner-web/target/planner-web.jar <command>}. Every command is a picocli class in
 * this package registered below. Exit codes: 0 success, 1 a check failed (where a command checks), 2 bad input.
 */
@Command(
    name = "planner",
    mixinStandardHelpOptions = true,
    versionProvider = PlannerCli.Version.class,
    description = "Elderly-care facility planning (养老服务设施规划): service circles, coverage, district checks, siting.",
    subcommands = {
        CommandLine.HelpCommand.class,
        InfoCommand.class,
        ProfilesCommand.class,
        ProfileCommand.class,
        CheckDistrictsCommand.class,
        ReachCommand.class,
        CirclesCommand.class,
        ServeCommand.class,
        ImportCommand.class,
        ExportCommand.class,
        SolveOrlibCommand.class,
        SolveMatrixCommand.class,
        OdMatrixCommand.class,
        CoverageCommand.class,
        SiteCommand.class,
        ScenarioCommand.class,
        UsersCommand.class,
    })
public final class PlannerCli extends ParentCommand {
    /** Exit code for bad input (unreadable file, invalid parameter). */
    public static final int EXIT_BAD_INPUT = 2;

    /**
     * Builds the command line with the project's error handling: bad input (an unknown or malformed option, a number
     * out of its range, see {@link OptionRanges}, or an {@link IllegalArgumentException} from the command) prints one
     * line {@code error: ...} on stderr and exits {@value #EXIT_BAD_INPUT}.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PlannerCli());
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof IllegalArgumentException) {
                PrintWriter err = cmd.getErr();
                err.println("error: " + ex.getMessage());
                err.flush();
                return EXIT_BAD_INPUT;
            }
            throw ex;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            // one line: the message names the option; the usage is one --help away
            CommandLine at = ex.getCommandLine();
            PrintWriter err = at.getErr();
            err.println("error: " + ex.getMessage().replace('\n', ' ').strip() + " (see '"
                + at.getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PlannerCli.class.getPackage().getImplementationVersion();
            return new String[] {"planner " + (v == null ? "dev" : v)};
        }
    }
}
