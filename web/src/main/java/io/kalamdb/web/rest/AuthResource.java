package io.kalamdb.web.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.core.auth.AuthService;
import io.kalamdb.core.auth.UserRecord;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.runtime.EngineHolder;
import io.kalamdb.web.auth.RequestAuthenticator;
import io.kalamdb.web.limits.AbuseGuard;
import io.kalamdb.web.net.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;

/**
 * {@code /v1/api/auth}: {@code POST /login} ({@code {"user","password"}} → user and tokens),
 * {@code POST /refresh} ({@code {"refresh_token"}} → new tokens) and {@code GET /me} (the caller). Tokens are
 * HS256 JWTs; {@code expires_at} is RFC 3339.
 */
@Path("/auth")
@ApplicationScoped
public class AuthResource {
    private static final int MAX_BODY_BYTES = 64 * 1024;

    @Inject
    EngineHolder engines;

    @Inject
    RequestAuthenticator authenticator;

    @Inject
    AbuseGuard guard;

    @Inject
    ClientAddress clientAddress;

    /**
     * @return 200 with user and tokens, or 401 AUTH_REQUIRED; either way recorded in the audit log with the client
     *         address ({@link ClientAddress}); 429 RATE_LIMIT_EXCEEDED (not audited, no password checked) over
     *         {@code kalamdb.auth.attempts.per.second.per.ip}
     */
    @POST
    @Path("/login")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response login(InputStream body, @Context HttpServletRequest request) {
        String address = clientAddress.of(request);
        guard.authAttempt(address);
        ObjectNode json = JsonBodies.readObject(body, MAX_BODY_BYTES);
        String user = JsonBodies.optionalText(json, "user");
        if (user == null) {
            user = JsonBodies.optionalText(json, "username");
        }
        String password = JsonBodies.optionalText(json, "password");
        if (user == null || password == null) {
            throw new KalamException(ErrorCode.INVALID_PARAMETER, "Login needs \"user\" and \"password\"");
        }
        return tokens(engines.engine().auth().login(user, password, address));
    }

    /** @return 200 with new tokens, or 401 AUTH_REQUIRED; 429 RATE_LIMIT_EXCEEDED as for login */
    @POST
    @Path("/refresh")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response refresh(InputStream body, @Context HttpServletRequest request) {
        guard.authAttempt(clientAddress.of(request));
        String token = JsonBodies.optionalText(JsonBodies.readObject(body, MAX_BODY_BYTES), "refresh_token");
        if (token == null) {
            throw new KalamException(ErrorCode.INVALID_PARAMETER, "Refresh needs \"refresh_token\"");
        }
        return tokens(engines.engine().auth().refresh(token));
    }

    /** @return 200 with the authenticated user */
    @GET
    @Path("/me")
    @Produces(MediaType.APPLICATION_JSON)
    public Response me(@Context HttpServletRequest request) {
        return Response.ok(user(authenticator.authenticate(request)).toString()).build();
    }

    private static Response tokens(AuthService.Session session) {
        ObjectNode out = JsonBodies.MAPPER.createObjectNode();
        out.set("user", user(session.user()));
        out.put("access_token", session.accessToken().token());
        out.put("refresh_token", session.refreshToken().token());
        out.put("token_type", "Bearer");
        out.put("expires_at", session.accessToken().expiresAt().toString());
        out.put("refresh_expires_at", session.refreshToken().expiresAt().toString());
        return Response.ok(out.toString()).build();
    }

    private static ObjectNode user(UserRecord u) {
        ObjectNode out = JsonBodies.MAPPER.createObjectNode();
        out.put("id", u.id().value());
        out.put("username", u.id().value());
        out.put("role", u.role().wireName());
        out.put("email", u.email());
        out.put("created_at", Instant.ofEpochMilli(u.createdAt()).toString());
        out.put("updated_at", Instant.ofEpochMilli(u.updatedAt()).toString());
        return out;
    }
}
