package org.eldercare.planner.web.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.eldercare.planner.web.auth.PasswordHashes;
import org.eldercare.planner.web.auth.PostgisAccounts;
import org.eldercare.planner.web.auth.Role;
import org.eldercare.planner.web.auth.UserAccount;
import org.eldercare.planner.web.auth.UserFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code planner users hash}: prints the hash of a password for a users file; {@code planner users add NAME --role R
 * --file F | --db JDBC_URL}: adds (or replaces) an account in a users file for {@code serve --users F}, or in the
 * PostGIS store's {@code planner_users} for {@code serve --db}. The password is read from the
 * console without echo (asked twice), or from the first line of standard input when there is no console
 * ({@code printf '%s\n' "$PW" | planner users add …}); never from the command line, where {@code ps} and the shell
 * history would keep it.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
    description = "Accounts of a shared server (serve --users FILE): hash a password, add an account.",
    subcommands = {UsersCommand.Hash.class, UsersCommand.Add.class})
public final class UsersCommand extends ParentCommand {
    /** {@code users hash}. */
    @Command(name = "hash", mixinStandardHelpOptions = true,
        description = "Read a password (console, else the first line of stdin) and print its PBKDF2 hash.")
    public static final class Hash extends PlannerCommand {
        @Override
        public Integer call() {
            char[] pw = readPassword();
            try {
                out().println(PasswordHashes.hash(pw));
                out().flush();
            } finally {
                Arrays.fill(pw, '\0');
            }
            return 0;
        }
    }

    /** {@code users add}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
        description = "Add an account to a users file (created when missing; an account of the same name is "
            + "replaced); the password is read as by `users hash`.")
    public static final class Add extends PlannerCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "account name (letters, digits, . _ @ -)")
        String name;

        @Option(names = "--role", required = true, paramLabel = "viewer|planner|admin",
            description = "viewer: read and run analyses; planner: also save scenarios; admin: also the audit log")
        String role;

        @Option(names = "--file", paramLabel = "FILE", description = "the users file (for serve --users FILE)")
        Path file;

        @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "or the PostGIS store's planner_users (for serve --db; credentials from PGUSER/PGPASSWORD)")
        String db;

        @Override
        public Integer call() {
            Role r;
            try {
                r = Role.of(role);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("role: " + e.getMessage(), e);
            }
            if (!UserAccount.NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("NAME: 1-64 letters, digits, '.', '_', '@' or '-' expected, was '"
                    + name + "'");
            }
            if ((file == null) == (db == null)) {
                throw new IllegalArgumentException("file: give either --file FILE or --db JDBC_URL");
            }
            char[] pw = readPassword();
            String hash;
            try {
                hash = PasswordHashes.hash(pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
            UserAccount account = new UserAccount(name, r, hash);
            boolean replaced = file != null ? UserFile.put(file, account) : PostgisAccounts.open(db).put(account);
            out().printf("%s %s (%s) in %s%n", replaced ? "replaced" : "added", name, r.id(),
                file != null ? file : "planner_users of " + db);
            out().flush();
            return 0;
        }
    }

    /** The password from the console (twice, must match) or the first line of stdin; checked for length. */
    static char[] readPassword() {
        Console console = System.console();
        char[] pw;
        if (console != null) {
            pw = console.readPassword("password: ");
            char[] again = console.readPassword("again: ");
            if (pw == null || again == null || !Arrays.equals(pw, again)) {
                throw new IllegalArgumentException("password: the two entries differ");
            }
            Arrays.fill(again, '\0');
        } else {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null) {
                    throw new IllegalArgumentException("password: expected on standard input (one line), got nothing");
                }
                pw = line.toCharArray();
            } catch (IOException e) {
                throw new IllegalArgumentException("password: cannot read standard input: " + e.getMessage(), e);
            }
        }
        String why = PasswordHashes.checkStrength(pw);
        if (why != null) {
            throw new IllegalArgumentException("password: " + why);
        }
        return pw;
    }
}
