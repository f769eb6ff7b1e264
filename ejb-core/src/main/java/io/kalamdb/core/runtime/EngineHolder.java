package io.kalamdb.core.runtime;

import io.kalamdb.core.KalamEngine;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Owns the server's one {@link KalamEngine}: opens it when the application starts (so the first request
 * does not pay for it and a bad data directory fails the start-up), schedules STREAM TTL eviction on the
 * container's executor ({@code kalamdb.stream.eviction.interval.seconds}, default 60) and closes the engine on
 * shutdown, which releases the RocksDB lock for the next start.
 */
@ApplicationScoped
public class EngineHolder {
    private static final Logger LOG = Logger.getLogger(EngineHolder.class.getName());

    private KalamEngine engine;
    private ScheduledFuture<?> eviction;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Opens the engine at application start-up. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        long start = System.nanoTime();
        engine().warmUp();
        LOG.info(() -> "KalamDB SQL planner warmed up in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        if (eviction == null) {
            long every = ConfigProvider.getConfig().getOptionalValue("kalamdb.stream.eviction.interval.seconds",
                    Long.class).orElse(60L);
            eviction = scheduler.scheduleWithFixedDelay(this::evictExpiredStreamRows, every, every, TimeUnit.SECONDS);
        }
    }

    /** The scheduled STREAM TTL eviction; failures are logged and the next run tries again. */
    private void evictExpiredStreamRows() {
        try {
            int deleted = engine().evictExpiredStreamRows(System.currentTimeMillis());
            if (deleted > 0) {
                LOG.fine(() -> "Evicted " + deleted + " expired STREAM event(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "STREAM eviction failed", e);
        }
    }

    /**
     * @return the open engine, opening it on first use
     * @throws io.kalamdb.core.model.KalamException INTERNAL_ERROR if the store cannot be opened
     */
    public synchronized KalamEngine engine() {
        if (engine == null) {
            var settings = ConfigProvider.getConfig();
            var config = ServerSettings.engineConfig(settings);
            long start = System.nanoTime();
            engine = KalamEngine.open(config, ServerSettings.liveQueryLimits(settings));
            LOG.info(() -> "KalamDB engine open: data " + config.dataDir() + ", durability " + config.durability()
                    + ", " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
        return engine;
    }

    /** @return true once the engine is open */
    public synchronized boolean isOpen() {
        return engine != null;
    }

    /** Closes the engine. */
    @PreDestroy
    synchronized void close() {
        if (eviction != null) {
            eviction.cancel(false);
        }
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
