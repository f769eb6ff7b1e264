package io.kalamdb.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the KalamDB engine, reported at {@code /health} and {@code /health/ready}. For now it is UP
 * whenever the application is deployed; it is to report DOWN until the engine has opened its store and
 * loaded the catalog once the engine exposes that state.
 */
@Readiness
@ApplicationScoped
public class EngineReadinessCheck implements HealthCheck {
    /** The check name as it appears in the {@code checks} array of the health response. */
    public static final String NAME = "engine-readiness";

    /** @return UP, with data {@code "component":"kalamdb"} */
    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).withData("component", "kalamdb").up().build();
    }
}
