package io.kalamdb.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of the KalamDB application, reported at {@code /health} and {@code /health/live}: UP whenever the
 * application answers — a failing liveness check is a reason to restart the process, and nothing inside
 * the engine is fixed by a restart that a readiness failure would not already report.
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
