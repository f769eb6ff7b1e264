package io.kalamdb.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of the KalamDB engine, reported at {@code /health} and {@code /health/live}. For now it is UP
 * whenever the application is deployed; the engine's own failure state (for example a RocksDB background
 * error) is to be reported here once the engine exposes it.
 */
@Liveness
@ApplicationScoped
public class EngineLivenessCheck implements HealthCheck {
    /** The check name as it appears in the {@code checks} array of the health response. */
    public static final String NAME = "engine-liveness";

    /** @return UP, with data {@code "component":"kalamdb"} */
    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).withData("component", "kalamdb").up().build();
    }
}
