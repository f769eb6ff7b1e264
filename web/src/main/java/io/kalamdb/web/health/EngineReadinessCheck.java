package io.kalamdb.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import io.kalamdb.core.runtime.EngineHolder;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the KalamDB engine, reported at {@code /health} and {@code /health/ready}: UP once the engine
 * has opened its store and loaded the catalog, DOWN before (or if opening failed).
 */
@Readiness
@ApplicationScoped
public class EngineReadinessCheck implements HealthCheck {
    /** The check name as it appears in the {@code checks} array of the health response. */
    public static final String NAME = "engine-readiness";

    @Inject
    EngineHolder engines;

    /** @return UP when the engine is open, with data {@code "component":"kalamdb"} and the table count */
    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named(NAME).withData("component", "kalamdb");
        if (!engines.isOpen()) {
            return b.down().build();
        }
        return b.withData("tables", engines.engine().catalog().allTables().size()).up().build();
    }
}
