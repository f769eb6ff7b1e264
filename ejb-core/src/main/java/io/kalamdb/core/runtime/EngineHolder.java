package io.kalamdb.core.runtime;

import io.kalamdb.core.KalamEngine;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Owns the server's one {@link KalamEngine}: opens it when the application starts (so the first request
 * does not pay for it and a bad data directory fails the start-up) and closes it on shutdown, which
 * releases the RocksDB lock for the next start.
 */
@ApplicationScoped
public class EngineHolder {
    private static final Logger LOG = Logger.getLogger(EngineHolder.class.getName());

    private KalamEngine engine;

    /** Opens the engine at application start-up. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        long start = System.nanoTime();
        engine().warmUp();
        LOG.info(() -> "KalamDB SQL planner warmed up in " + (System.nanoTime() - start) / 1_000_000 + " ms");
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
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
