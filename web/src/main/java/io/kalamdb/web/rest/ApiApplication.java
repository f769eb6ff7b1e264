package io.kalamdb.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The KalamDB HTTP API, version 1: every resource in this package is served under {@code /v1/api}
 * (the WAR's context root is {@code /}). The contract is DESIGN.md §5.
 */
@ApplicationPath("/v1/api")
public class ApiApplication extends Application {
}
