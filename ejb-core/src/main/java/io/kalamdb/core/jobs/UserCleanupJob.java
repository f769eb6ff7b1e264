package io.kalamdb.core.jobs;

import io.kalamdb.core.auth.UserService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The {@code user-cleanup} work: purges users soft-deleted ({@code DROP USER}) more than {@code grace_days}
 * (parameter; default {@value #DEFAULT_GRACE_DAYS}) days ago, in one atomic batch — cancelled before it commits,
 * it purges nobody. See {@link UserService#purgeDeletedBefore} for what purging means (their table rows stay).
 */
public final class UserCleanupJob implements JobWork {
    /** Job parameter: how many days a dropped user can still be restored, a whole number ≥ 0. */
    public static final String GRACE_DAYS = "grace_days";
    /** The grace period when the job names none, days. */
    public static final long DEFAULT_GRACE_DAYS = 7;

    private final UserService users;
    private final LongSupplier clock;

    /**
     * @param users the user lifecycle
     * @param clock current time, epoch milliseconds
     */
    public UserCleanupJob(UserService users, LongSupplier clock) {
        this.users = users;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException if {@code grace_days} is not a whole number ≥ 0 */
    @Override
    public String run(JobRecord job, JobControl control) {
        long days = job.countParameter(GRACE_DAYS, DEFAULT_GRACE_DAYS);
        if (control.cancelled()) {
            return "Nobody purged";
        }
        int purged = users.purgeDeletedBefore(clock.getAsLong() - TimeUnit.DAYS.toMillis(days)).size();
        return "Purged " + purged + " user(s) dropped more than " + days + " day(s) ago";
    }
}
