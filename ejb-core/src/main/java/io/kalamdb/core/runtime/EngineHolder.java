package io.kalamdb.core.runtime;

import io.kalamdb.core.KalamEngine;
import io.kalamdb.core.cold.FlushPolicy;
import io.kalamdb.core.jobs.JobCleanupJob;
import io.kalamdb.core.jobs.JobLauncher;
import io.kalamdb.core.jobs.JobStatus;
import io.kalamdb.core.jobs.JobType;
import io.kalamdb.core.jobs.UserCleanupJob;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Owns the server's one {@link KalamEngine}: opens it when the application starts (so the first request
 * does not pay for it and a bad data directory fails the start-up), starts its jobs on the container's
 * {@link JobLauncher} (Jakarta Batch, from the batch-jobs jar), schedules the housekeeping jobs on the container's
 * executor ({@link JobSchedule}: {@code stream-eviction} every minute, {@code job-cleanup} and
 * {@code user-cleanup} and {@code deleted-retention} hourly by default) and closes the engine on shutdown, which releases the RocksDB lock for
 * the next start.
 */
@ApplicationScoped
public class EngineHolder {
    private static final Logger LOG = Logger.getLogger(EngineHolder.class.getName());

    private KalamEngine engine;
    /** The longest a shutdown waits for running flushes. */
    static final long FLUSH_DRAIN_SECONDS = 30;

    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    JobLauncher launcher;

    /** Opens the engine at application start-up and schedules the housekeeping jobs. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        long start = System.nanoTime();
        engine().warmUp();
        LOG.info(() -> "KalamDB SQL planner warmed up in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        synchronized (this) {
            if (schedules.isEmpty()) {
                JobSchedule every = ServerSettings.jobSchedule(ConfigProvider.getConfig());
                schedule(JobType.STREAM_EVICTION, Map.of(), every.streamEviction());
                schedule(JobType.JOB_CLEANUP, Map.of(JobCleanupJob.RETENTION_DAYS,
                        Long.toString(every.jobRetentionDays())), every.jobCleanup());
                schedule(JobType.USER_CLEANUP, Map.of(UserCleanupJob.GRACE_DAYS,
                        Long.toString(every.userGraceDays())), every.userCleanup());
                schedule(JobType.DELETED_RETENTION, Map.of(), every.deletedRetention());
                FlushPolicy flushDefaults = ServerSettings.flushDefaults(ConfigProvider.getConfig());
                long check = ServerSettings.flushCheckInterval(ConfigProvider.getConfig()).toMillis();
                schedules.add(scheduler.scheduleWithFixedDelay(() -> submitDueFlushes(flushDefaults), check, check,
                        TimeUnit.MILLISECONDS));
            }
        }
    }

    private void schedule(JobType type, Map<String, String> parameters, Duration every) {
        long millis = every.toMillis();
        schedules.add(scheduler.scheduleWithFixedDelay(() -> submit(type, parameters), millis, millis,
                TimeUnit.MILLISECONDS));
    }

    /**
     * One scheduled submission. The type's wire name is the idempotency key, so while the previous run is still
     * queued or running no second one is created. Failures are logged and the next interval tries again.
     */
    private void submit(JobType type, Map<String, String> parameters) {
        try {
            engine().jobs().submit(type, null, parameters, type.wireName());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not submit the scheduled " + type.wireName() + " job", e);
        }
    }

    /** One check of the flush triggers; failures are logged and the next check tries again. */
    private void submitDueFlushes(FlushPolicy defaults) {
        try {
            engine().submitDueFlushes(defaults);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not submit due flushes", e);
        }
    }

    /**
     * @return the open engine, opening it (and starting its jobs) on first use
     * @throws io.kalamdb.core.model.KalamException INTERNAL_ERROR if the store cannot be opened
     */
    public synchronized KalamEngine engine() {
        if (engine == null) {
            var settings = ConfigProvider.getConfig();
            var config = ServerSettings.engineConfig(settings);
            long start = System.nanoTime();
            engine = KalamEngine.open(config, ServerSettings.liveQueryLimits(settings));
            engine.auth().lockout(ServerSettings.loginLockout(settings, System::currentTimeMillis));
            engine.sql().queryLimits(ServerSettings.queryLimits(settings));
            engine.jobs().start(launcher);
            LOG.info(() -> "KalamDB engine open: data " + config.dataDir() + ", durability " + config.durability()
                    + ", " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
        return engine;
    }

    private void awaitRunningFlushes() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FLUSH_DRAIN_SECONDS);
        while (System.nanoTime() < deadline && engine.jobs().list().stream()
                .anyMatch(j -> j.type() == JobType.FLUSH_TABLE && j.status() == JobStatus.RUNNING)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** @return true once the engine is open */
    public synchronized boolean isOpen() {
        return engine != null;
    }

    /**
     * Stops the schedules, lets running flushes finish (at most {@value #FLUSH_DRAIN_SECONDS} s; a flush cut
     * short by the stop loses nothing — its rows stay hot and its file is swept at the next start), then closes
     * the engine.
     */
    @PreDestroy
    synchronized void close() {
        schedules.forEach(s -> s.cancel(false));
        schedules.clear();
        if (engine != null) {
            awaitRunningFlushes();
            engine.close();
            engine = null;
        }
    }
}
