package io.kalamdb.web.rest;

import io.kalamdb.web.BuildInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1/api/healthcheck}: the upstream-compatible liveness probe. It answers as long as the HTTP
 * API is deployed; detailed component state is MicroProfile Health's job at {@code /health}.
 */
@Path("healthcheck")
public class HealthcheckResource {
    /** The API version this server speaks, as reported in {@code api_version}. */
    public static final String API_VERSION = "v1";

    private static final Map<String, String> HEALTHY = healthy();

    /**
     * Reports that the server is up.
     *
     * @return {@code {"status":"healthy","version":"<project version>","api_version":"v1"}}
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> healthcheck() {
        return HEALTHY;
    }

    private static Map<String, String> healthy() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", "healthy");
        body.put("version", BuildInfo.version());
        body.put("api_version", API_VERSION);
        return Collections.unmodifiableMap(body);
    }
}
