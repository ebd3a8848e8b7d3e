package org.eldercare.planner.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The back-off: five free failures, then 30 s doubling to 15 min; success clears the name; clients counted apart. */
class LoginThrottleTest {
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void the_lock_doubles_from_30_seconds_up_to_15_minutes_and_ends() {
        TestClock clock = new TestClock();
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), t.retryAfter("li", "10.0.0." + i));
            t.failed("li", "10.0.0." + i);
        }
        assertEquals(Optional.empty(), t.retryAfter("LI", "10.0.0.9"));
        t.failed("li", "10.0.0.9");
        assertEquals(Optional.of(Duration.ofSeconds(30)), t.retryAfter("Li", "10.0.0.9"));
        clock.now = clock.now.plusSeconds(30);
        assertEquals(Optional.empty(), t.retryAfter("li", "10.0.0.9"));
        t.failed("li", "10.0.0.9");
        assertEquals(Optional.of(Duration.ofSeconds(60)), t.retryAfter("li", "10.0.0.9"));
        for (int i = 0; i < 10; i++) {
            t.failed("li", "10.0.0." + (20 + i));
        }
        assertEquals(Optional.of(Duration.ofMinutes(15)), t.retryAfter("li", "10.0.0.99"));
        t.succeeded("li");
        assertEquals(Optional.empty(), t.retryAfter("li", "10.0.0.99"));
    }

    @Test
    void one_client_trying_many_names_is_locked_after_20_failures() {
        TestClock clock = new TestClock();
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_CLIENT; i++) {
            t.failed("name" + i, "10.0.0.1");
        }
        assertEquals(Optional.empty(), t.retryAfter("fresh", "10.0.0.1"));
        t.failed("name-x", "10.0.0.1");
        assertEquals(Optional.of(Duration.ofSeconds(30)), t.retryAfter("fresh", "10.0.0.1"));
        assertEquals(Optional.empty(), t.retryAfter("fresh", "10.0.0.2"));
    }
}
