package org.eldercare.planner.web.cli;

import io.javalin.Javalin;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.policy.PolicyProfiles;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.Workspaces;
import org.eldercare.planner.web.auth.AnonymousAccess;
import org.eldercare.planner.web.auth.AuditLog;
import org.eldercare.planner.web.auth.PostgisAccounts;
import org.eldercare.planner.web.auth.UserAccount;
import org.eldercare.planner.web.auth.SecuritySettings;
import org.eldercare.planner.web.auth.UserDirectory;
import org.eldercare.planner.web.auth.UserFile;
import org.eldercare.planner.web.server.AnalysisLimits;
import org.eldercare.planner.web.server.Basemap;
import org.eldercare.planner.web.server.PlannerServer;
import org.eldercare.planner.web.server.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code planner serve [--data FILE.gpkg | --db JDBC_URL] [--port 8080]}: serves the web map and the OGC API -
 * Features of one workspace until stopped (Ctrl-C). With neither {@code --data} nor {@code --db} it opens the bundled
 * sample county {@value #SAMPLE}, looked for under the working directory and its parents, then next to the jar.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the planner web map (养老服务设施规划地图) and OGC API - Features for a workspace; "
        + "with no --data/--db, the bundled sample county 贵溪市.")
public final class ServeCommand extends PlannerCommand {
    /** The bundled sample workspace, relative to the repository root. */
    public static final String SAMPLE = "data/guixi/guixi.gpkg";

    @Option(names = "--data", paramLabel = "FILE.gpkg", description = "GeoPackage workspace (default: " + SAMPLE + ")")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL",
        description = "PostGIS workspace, jdbc:postgresql://host:port/db (credentials from PGUSER/PGPASSWORD)")
    String db;

    @Option(names = "--port", defaultValue = "8080", converter = OptionRanges.Port.class, description = "port, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
        description = "address to listen on; 0.0.0.0 to let colleagues connect (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--basemap", defaultValue = "none", paramLabel = "none|osm|tianditu|FILE.mbtiles|URL",
        description = "tile basemap: none (offline; our boundaries and roads only), osm, tianditu (needs "
            + "--tianditu-key or TIANDITU_KEY), a raster FILE.mbtiles served by this server (offline sites), or an "
            + "XYZ URL template with {z}/{x}/{y} in WGS84/CGCS2000 (GCJ-02 maps such as AMap are refused). "
            + "Default: ${DEFAULT-VALUE}")
    String basemap;

    @Option(names = "--tianditu-key", paramLabel = "KEY", defaultValue = "${env:TIANDITU_KEY}",
        description = "天地图 browser key (tk) for --basemap tianditu")
    String tiandituKey;

    @Option(names = "--profile", defaultValue = ServerSettings.DEFAULT_PROFILE, paramLabel = "ID|FILE.yaml",
        description = "policy profile for verdicts and targets (see `planner profiles`; default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--analysis-threads", converter = OptionRanges.PositiveInt.class, paramLabel = "N",
        description = "analyses (what-if, coverage, siting, district check) run at once (default: one per processor)")
    Integer analysisThreads;

    @Option(names = "--analysis-queue", converter = OptionRanges.NonNegativeInt.class, paramLabel = "N",
        description = "analyses waiting for a thread; beyond that 503 with Retry-After (default: "
            + AnalysisLimits.DEFAULT_QUEUE_PER_THREAD + " per thread)")
    Integer analysisQueue;

    @Option(names = "--users", paramLabel = "FILE",
        description = "accounts (NAME = ROLE HASH a line; see `planner users add`): sign-in, roles viewer < planner "
            + "< admin, CSRF-protected writes; with --db also the accounts of the store's planner_users. Without "
            + "any, the server is single-user on 127.0.0.1, and read-only to everyone on any other --host")
    Path users;

    @Option(names = "--anonymous", paramLabel = "read-only|none",
        description = "what visitors who have not signed in may do: read-only (layers, units, OGC, analyses; no "
            + "writes) or none (only the page and the sign-in). Default with --users: none")
    String anonymous;

    @Option(names = "--audit-log", paramLabel = "FILE",
        description = "append-only JSON-lines audit log of sign-ins and writes (default: beside the workspace, "
            + "NAME.audit.jsonl; with --db, planner-audit.jsonl in the working directory, and the store's "
            + "planner_audit table)")
    Path auditLog;

    @Option(names = "--secure-cookies",
        description = "mark the session cookie Secure even on plain HTTP (the server sits behind a TLS proxy)")
    boolean secureCookies;

    @Option(names = "--session-idle-minutes", converter = OptionRanges.PositiveInt.class, paramLabel = "N",
        defaultValue = "30", description = "a session unused this long ends (default: ${DEFAULT-VALUE})")
    int sessionIdleMinutes;

    @Override
    public Integer call() throws InterruptedException {
        Javalin app = start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            stopped.countDown();
        }, "planner-serve-shutdown"));
        stopped.await();
        return 0;
    }

    /** Loads the workspace, starts the server and prints where it listens; returns the running server. */
    Javalin start() {
        AnalysisLimits d = AnalysisLimits.defaults();
        int threads = analysisThreads == null ? d.threads() : analysisThreads;
        AnalysisLimits limits = new AnalysisLimits(threads, analysisQueue == null
            ? AnalysisLimits.DEFAULT_QUEUE_PER_THREAD * threads : analysisQueue, d.retryAfterSeconds());
        Optional<Basemap> tiles = basemap();
        var policy = PolicyProfiles.resolve(profile);
        String location = location();
        // last of the options: it opens (creates) the audit log
        SecuritySettings security = security(location);
        ServerSettings settings = new ServerSettings(tiles, policy, limits, security);
        PlanningData planning = load(location);
        Javalin app = PlannerServer.create(PlanningSession.of(planning, settings.profile()), settings, location,
            Workspaces.open(location)); // the page's saved scenarios go into the served workspace
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            app.stop();
            throw new IllegalArgumentException("port: cannot listen on " + host + ":" + port + ": "
                + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
        }
        PrintWriter out = out();
        String shownHost = host.equals("0.0.0.0") ? "localhost" : host;
        out.printf("%s (%s): %d units, %d facilities, %d districts, %d roads%n", planning.name(), location,
            planning.adminUnits().size(), planning.facilities().size(), planning.districts().size(),
            planning.roads().size());
        out.printf("planner map:          http://%s:%d/%n", shownHost, app.port());
        out.printf("OGC API - Features:   http://%s:%d/ogc%n", shownHost, app.port());
        out.printf("accounts:             %s; anonymous visitors: %s; audit log: %s%n", security.users()
            .map(u -> u.accounts().size() + " from " + users).orElse("none"), security.anonymous().id(),
            security.audit().location());
        out.flush();
        return app;
    }

    /**
     * Who may do what: with accounts ({@code --users}, and with {@code --db} the store's {@code planner_users}),
     * signed-in roles and {@code --anonymous} (default none); without, the single-user open server on a loopback
     * {@code --host} and an anonymous read-only one on any other address. With {@code --db} the audit log is also
     * the store's {@code planner_audit} (read back from there).
     */
    SecuritySettings security(String location) {
        List<UserAccount> fromFile = users == null ? List.of() : UserFile.read(users).accounts();
        Optional<PostgisAccounts> store = db == null ? Optional.empty() : Optional.of(PostgisAccounts.open(db));
        List<UserAccount> fromDb = store.map(PostgisAccounts::users).orElse(List.of());
        for (UserAccount a : fromDb) {
            if (fromFile.stream().anyMatch(f -> f.name().equals(a.name()))) {
                throw new IllegalArgumentException("users: '" + a.name() + "' is both in " + users
                    + " and in the database's planner_users; keep one");
            }
        }
        // a changed password goes back where the account came from
        Map<UserDirectory.Store, List<UserAccount>> sources = new LinkedHashMap<>();
        Path file = users;
        sources.put(a -> UserFile.put(file, a), fromFile);
        store.ifPresent(pg -> sources.put(pg::put, fromDb));
        Optional<UserDirectory> accounts = users == null && fromDb.isEmpty() ? Optional.empty()
            : Optional.of(UserDirectory.of(sources));
        AnonymousAccess mode;
        if (anonymous == null) {
            mode = accounts.isPresent() ? AnonymousAccess.NONE
                : isLoopback(host) ? AnonymousAccess.OPEN : AnonymousAccess.READ_ONLY;
        } else {
            mode = switch (anonymous.strip()) {
                case "read-only" -> AnonymousAccess.READ_ONLY;
                case "none" -> AnonymousAccess.NONE;
                default -> throw new IllegalArgumentException("anonymous: expected read-only or none, was '"
                    + anonymous + "'");
            };
            if (mode == AnonymousAccess.NONE && accounts.isEmpty()) {
                throw new IllegalArgumentException("anonymous: none needs --users FILE, else nobody could use the "
                    + "server");
            }
        }
        Path audit = auditLog != null ? auditLog : defaultAuditLog(location);
        AuditLog log = AuditLog.jsonLines(audit);
        return new SecuritySettings(accounts, mode, secureCookies, java.time.Duration.ofMinutes(sessionIdleMinutes),
            store.map(pg -> AuditLog.both(pg.audit(), log)).orElse(log));
    }

    /** {@code county.gpkg} → {@code county.audit.jsonl} beside it; a JDBC URL → the working directory's. */
    static Path defaultAuditLog(String location) {
        if (location.startsWith("jdbc:")) {
            return Path.of("planner-audit.jsonl");
        }
        Path p = Path.of(location).toAbsolutePath();
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return p.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".audit.jsonl");
    }

    static boolean isLoopback(String host) {
        String h = host.strip().toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]");
    }

    private String location() {
        if (data != null && db != null) {
            throw new IllegalArgumentException("data: give either --data or --db, not both");
        }
        if (db != null) {
            return db;
        }
        if (data != null) {
            if (!Files.isRegularFile(data)) {
                throw new IllegalArgumentException("data: no such file '" + data + "'");
            }
            return data.toString();
        }
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        jarDirectory().ifPresent(starts::add);
        Path sample = findSample(starts).orElseThrow(() -> new IllegalArgumentException(
            "data: the bundled sample " + SAMPLE + " was not found under " + starts
                + " or their parents; run from the repository, or pass --data FILE.gpkg or --db JDBC_URL"));
        return workingCopy(sample).toString();
    }

    /** Where {@link #workingCopy} keeps the served copy of the sample, relative to the repository root. */
    static final String SAMPLE_COPY = "work/guixi.gpkg";

    /**
     * The sample is served from a working copy ({@value #SAMPLE_COPY} beside {@code data/}, made on first use and
     * kept), so that the page's saved scenarios never change the bundled file; delete the copy to start over.
     */
    static Path workingCopy(Path sample) {
        Path root = sample.toAbsolutePath().getParent().getParent().getParent(); // data/guixi/guixi.gpkg
        Path copy = root.resolve(SAMPLE_COPY);
        if (!Files.isRegularFile(copy)) {
            try {
                Files.createDirectories(copy.getParent());
                Path tmp = Files.createTempFile(copy.getParent(), "guixi", ".gpkg.tmp");
                Files.copy(sample, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, copy, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("data: cannot make the working copy " + copy + " of the sample "
                    + sample + ": " + e.getMessage(), e);
            }
        }
        return copy;
    }

    /** Reads the workspace at {@code location} (a .gpkg path or a JDBC URL) through {@code store.Workspaces}. */
    static PlanningData load(String location) {
        try (Workspace ws = Workspaces.open(location)) {
            if (!ws.exists()) {
                throw new IllegalArgumentException("data: '" + location + "' holds no planner workspace");
            }
            return ws.read();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing workspace " + location + " failed", e);
        }
    }

    /** The first {@value #SAMPLE} found in one of {@code starts} or their parents. */
    static Optional<Path> findSample(List<Path> starts) {
        for (Path start : starts) {
            for (Path p = start; p != null; p = p.getParent()) {
                Path candidate = p.resolve(SAMPLE);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> jarDirectory() {
        try {
            var source = ServeCommand.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.ofNullable(Path.of(source.getLocation().toURI()).getParent());
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }

    private Optional<Basemap> basemap() {
        return switch (basemap.strip()) {
            case "none" -> Optional.empty();
            case "osm" -> Optional.of(Basemap.osm());
            case "tianditu" -> Optional.of(Basemap.tianditu(tiandituKey));
            default -> {
                if (basemap.strip().toLowerCase(java.util.Locale.ROOT).endsWith(".mbtiles")) {
                    yield Optional.of(Basemap.mbtiles(org.eldercare.planner.io.MbTiles.open(
                        java.nio.file.Path.of(basemap.strip()))));
                }
                if (!basemap.startsWith("http://") && !basemap.startsWith("https://")) {
                    throw new IllegalArgumentException("basemap: expected none, osm, tianditu, FILE.mbtiles or an "
                        + "http(s) XYZ URL template, was '" + basemap + "'");
                }
                yield Optional.of(Basemap.custom(basemap, ""));
            }
        };
    }
}
