package org.eldercare.planner.web.auth;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a server lets people in: its accounts (none: a single-user or read-only server), what anonymous visitors may
 * do, the session cookie's {@code Secure} flag and idle timeout, and the audit log. Immutable.
 *
 * @param users         the accounts; empty when the server has none
 * @param anonymous     {@link AnonymousAccess#OPEN} only without accounts; {@link AnonymousAccess#NONE} only with
 * @param secureCookies send the session cookie only over HTTPS even when the request reached us as HTTP (a TLS proxy
 *                      in front); over TLS the cookie is {@code Secure} anyway
 * @param idleTimeout   a session unused this long ends (at least one minute)
 * @param audit         where audit entries go
 */
public record SecuritySettings(Optional<UserDirectory> users, AnonymousAccess anonymous, boolean secureCookies,
        Duration idleTimeout, AuditLog audit) {
    /** Idle timeout when none is given. */
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);

    public SecuritySettings {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(anonymous, "anonymous");
        Objects.requireNonNull(audit, "audit");
        if (users.isPresent() && anonymous == AnonymousAccess.OPEN) {
            throw new IllegalArgumentException("anonymous: a server with accounts is read-only or none to "
                + "anonymous visitors, not open");
        }
        if (users.isEmpty() && anonymous == AnonymousAccess.NONE) {
            throw new IllegalArgumentException("anonymous: none needs accounts (--users FILE), else nobody could "
                + "use the server");
        }
        if (idleTimeout.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("session-idle-minutes: must be at least 1 minute, was " + idleTimeout);
        }
    }

    /** A single-user server without accounts: everything allowed, audit entries in memory. */
    public static SecuritySettings open() {
        return new SecuritySettings(Optional.empty(), AnonymousAccess.OPEN, false, DEFAULT_IDLE, AuditLog.inMemory());
    }

    /** A server with {@code users}, nothing to anonymous visitors, audit entries in memory. */
    public static SecuritySettings withUsers(UserDirectory users, AnonymousAccess anonymous) {
        return new SecuritySettings(Optional.of(users), anonymous, false, DEFAULT_IDLE, AuditLog.inMemory());
    }

    /** These settings with another audit log. */
    public SecuritySettings withAudit(AuditLog other) {
        return new SecuritySettings(users, anonymous, secureCookies, idleTimeout, other);
    }
}
