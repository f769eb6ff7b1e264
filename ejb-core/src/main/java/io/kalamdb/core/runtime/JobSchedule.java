package io.kalamdb.core.runtime;

import java.time.Duration;

/**
 * How often the server submits its housekeeping jobs, and with which retention (from {@link ServerSettings}).
 *
 * @param streamEviction    interval between {@code stream-eviction} jobs
 * @param jobCleanup        interval between {@code job-cleanup} jobs
 * @param jobRetentionDays  days finished jobs stay in {@code system.jobs}
 * @param userCleanup       interval between {@code user-cleanup} jobs
 * @param userGraceDays     days a dropped user stays restorable before {@code user-cleanup} purges it
 * @param deletedRetention  interval between {@code deleted-retention} jobs
 */
public record JobSchedule(Duration streamEviction, Duration jobCleanup, long jobRetentionDays, Duration userCleanup,
                          long userGraceDays, Duration deletedRetention) {
    /** @throws IllegalArgumentException if an interval is not positive or a number of days is negative */
    public JobSchedule {
        for (Duration interval : new Duration[] {streamEviction, jobCleanup, userCleanup, deletedRetention}) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("Job intervals must be positive: " + interval);
            }
        }
        if (jobRetentionDays < 0 || userGraceDays < 0) {
            throw new IllegalArgumentException("Job retention and user grace days must be at least 0");
        }
    }
}
