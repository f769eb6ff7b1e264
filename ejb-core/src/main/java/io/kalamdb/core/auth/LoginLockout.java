package io.kalamdb.core.auth;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Brute-force protection of password logins (OWASP API2/API4): after {@code maxFailures} consecutive failed
 * logins for one user name, every login for that name — right password or not — is refused with
 * {@code RATE_LIMIT_EXCEEDED} until {@code lockout} has passed since the last failure. A successful login
 * resets the count. Names are counted whether or not the user exists, so the lockout reveals nothing about
 * which accounts exist. State is in memory (a restart clears it), bounded to the 100,000 most recently failing
 * names. Thread-safe.
 */
public final class LoginLockout {
    /** Failures before an account name is locked, by default. */
    public static final int DEFAULT_MAX_FAILURES = 5;
    /** How long a locked name stays locked after its last failure, by default. */
    public static final Duration DEFAULT_LOCKOUT = Duration.ofMinutes(15);

    private final int maxFailures;
    private final long lockoutMillis;
    private final boolean endsSessions;
    private final LongSupplier clock;
    private final Cache<String, Failures> failures;

    private record Failures(int count, long lastAt) {
    }

    /**
     * A lockout that also ends the locked user's sessions (see {@link #LoginLockout(int, Duration, LongSupplier,
     * boolean)}).
     *
     * @throws IllegalArgumentException for a non-positive limit or duration
     */
    public LoginLockout(int maxFailures, Duration lockout, LongSupplier clock) {
        this(maxFailures, lockout, clock, true);
    }

    /**
     * @param maxFailures  consecutive failures that lock a name, at least 1
     * @param lockout      how long the lock lasts after the last failure, positive
     * @param clock        epoch milliseconds
     * @param endsSessions whether a locked user's tokens are refused too while the lock lasts (they work again after
     *                     it); false keeps existing sessions alive, so failed guesses cannot log a user out
     * @throws IllegalArgumentException for a non-positive limit or duration
     */
    public LoginLockout(int maxFailures, Duration lockout, LongSupplier clock, boolean endsSessions) {
        if (maxFailures < 1 || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("Lockout needs at least 1 failure and a positive duration");
        }
        this.maxFailures = maxFailures;
        this.lockoutMillis = lockout.toMillis();
        this.clock = clock;
        this.endsSessions = endsSessions;
        this.failures = CacheBuilder.newBuilder().maximumSize(100_000).build();
    }

    /**
     * @throws KalamException RATE_LIMIT_EXCEEDED if the name is locked
     */
    void checkAllowed(String username) {
        Failures f = failures.getIfPresent(key(username));
        if (f == null || f.count() < maxFailures) {
            return;
        }
        long remaining = f.lastAt() + lockoutMillis - clock.getAsLong();
        if (remaining > 0) {
            throw new KalamException(ErrorCode.RATE_LIMIT_EXCEEDED, "Too many failed logins for this account; "
                    + "try again in " + TimeUnit.MILLISECONDS.toSeconds(remaining + 999) + " s");
        }
        failures.invalidate(key(username));
    }

    /** @return whether the name is locked now and the lock also refuses its tokens; reads memory only */
    boolean refusesSessionsOf(String username) {
        if (!endsSessions) {
            return false;
        }
        Failures f = failures.getIfPresent(key(username));
        return f != null && f.count() >= maxFailures && f.lastAt() + lockoutMillis > clock.getAsLong();
    }

    /** Counts a failed login for the name. */
    void failed(String username) {
        failures.asMap().merge(key(username), new Failures(1, clock.getAsLong()),
                (old, one) -> new Failures(old.count() + 1, one.lastAt()));
    }

    /** A successful login clears the name's failures. */
    void succeeded(String username) {
        failures.invalidate(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username;
    }
}
