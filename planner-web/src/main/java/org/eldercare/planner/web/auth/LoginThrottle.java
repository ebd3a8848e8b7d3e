package org.eldercare.planner.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Back-off after repeated failed logins, per account name (known or not, so that it reveals nothing) and per client
 * address: the first {@value #FREE_FAILURES} failures of a name (or {@value #FREE_FAILURES_PER_CLIENT} of a client)
 * cost nothing; then each further failure locks that name (or client) for 30 s, doubling up to 15 min. While locked,
 * a login is refused before the password is looked at (429 with Retry-After). A success clears the name's count.
 */
public final class LoginThrottle {
    public static final int FREE_FAILURES = 5;
    public static final int FREE_FAILURES_PER_CLIENT = 20;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 10_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    private record Failures(int count, Instant lockedUntil) {}

    /** How long a login of {@code name} from {@code client} must still wait, or empty when it may be tried now. */
    public Optional<Duration> retryAfter(String name, String client) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : new String[] {nameKey(name), clientKey(client)}) {
            Failures f = failures.get(key);
            if (f != null && f.lockedUntil().isAfter(now)) {
                Duration d = Duration.between(now, f.lockedUntil());
                wait = d.compareTo(wait) > 0 ? d : wait;
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Counts a failed login of {@code name} from {@code client}. */
    public void failed(String name, String client) {
        if (failures.size() > MAX_TRACKED) {
            Instant now = clock.instant();
            failures.values().removeIf(f -> !f.lockedUntil().isAfter(now.minus(LONGEST_LOCK)));
        }
        count(nameKey(name), FREE_FAILURES);
        count(clientKey(client), FREE_FAILURES_PER_CLIENT);
    }

    /** A successful login of {@code name}: its count starts again (the client's stays). */
    public void succeeded(String name) {
        failures.remove(nameKey(name));
    }

    private void count(String key, int free) {
        Instant now = clock.instant();
        failures.compute(key, (k, f) -> {
            int n = f == null ? 1 : f.count() + 1;
            if (n <= free) {
                return new Failures(n, Instant.MIN);
            }
            long factor = 1L << Math.min(n - free - 1, 20);
            Duration lock = FIRST_LOCK.multipliedBy(factor);
            return new Failures(n, now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock));
        });
    }

    private static String nameKey(String name) {
        return "name:" + (name == null ? "" : name.strip().toLowerCase(Locale.ROOT));
    }

    private static String clientKey(String client) {
        return "client:" + client;
    }
}
