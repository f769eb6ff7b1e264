package io.kalamdb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server's health endpoints: the upstream-compatible healthcheck and MicroProfile Health. */
class HealthcheckIT {
    private final KalamClient client = new KalamClient();

    @Test
    void healthcheckReportsHealthyWithTheProjectVersion() {
        String version = System.getProperty("kalamdb.version");
        assertNotNull(version, "system property kalamdb.version (set by failsafe)");
        ObjectNode expected = KalamClient.json().createObjectNode()
                .put("status", "healthy")
                .put("version", version)
                .put("api_version", "v1");

        KalamClient.Response response = client.get("/v1/api/healthcheck");

        assertEquals(200, response.status(), response::toString);
        assertEquals(expected, response.json(), response::toString);
    }

    @Test
    void healthIsUpWithTheEngineLivenessAndReadinessChecks() {
        KalamClient.Response response = client.get("/health");

        assertEquals(200, response.status(), response::toString);
        JsonNode body = response.json();
        assertEquals("UP", body.path("status").asText(), response::toString);
        Map<String, JsonNode> checks = new HashMap<>();
        body.path("checks").forEach(check -> checks.put(check.path("name").asText(), check));
        assertEquals(2, checks.size(), response::toString);
        for (String name : new String[] {"engine-liveness", "engine-readiness"}) {
            JsonNode check = checks.get(name);
            assertNotNull(check, () -> name + " missing from " + response);
            assertEquals("UP", check.path("status").asText(), response::toString);
            assertEquals("kalamdb", check.path("data").path("component").asText(), response::toString);
        }
    }
}
