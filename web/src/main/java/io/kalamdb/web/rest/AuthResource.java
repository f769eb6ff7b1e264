package io.kalamdb.web.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.core.auth.AuthService;
import io.kalamdb.core.auth.ServerSetup;
import io.kalamdb.core.auth.UserRecord;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.runtime.EngineHolder;
import io.kalamdb.web.auth.RefreshCookie;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;

/**
 * {@code /v1/api/auth}: {@code POST /login} ({@code {"user","password"}} → user and tokens),
 * {@code POST /refresh} ({@code {"refresh_token"}} or the {@link RefreshCookie} → new tokens; the used refresh
 * token is revoked), {@code POST /logout} (revokes the bearer access token and the refresh token of the body or
 * cookie) and {@code GET /me} (the caller). Tokens are HS256 JWTs; {@code expires_at} is RFC 3339. Login and refresh
 * also set the refresh token as an HttpOnly cookie; logout clears it. First-run setup, from local clients only:
 * {@code GET /status} and {@code POST /setup} ({@link ServerSetup}). Every body is limited to 64 KiB.
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
     * @return 200 with user and tokens (the refresh token also as the {@link RefreshCookie}), or 401 AUTH_REQUIRED;
     *         either way recorded in the audit log with the client address ({@link ClientAddress}); 429
     *         RATE_LIMIT_EXCEEDED (not audited, no password checked) over {@code kalamdb.auth.attempts.per.second.per.ip}
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
        return tokens(engines.engine().auth().login(user, password, address), request);
    }

    /**
     * @return 200 with new tokens (the presented refresh token is now revoked), 400 INVALID_PARAMETER without a
     *         refresh token in the body or cookie, 401 AUTH_REQUIRED for an invalid, used or revoked one, or 429
     *         RATE_LIMIT_EXCEEDED as for login
     */
    @POST
    @Path("/refresh")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response refresh(InputStream body, @Context HttpServletRequest request) {
        guard.authAttempt(clientAddress.of(request));
        String token = refreshToken(body, request);
        if (token == null) {
            throw new KalamException(ErrorCode.INVALID_PARAMETER,
                    "Refresh needs \"refresh_token\" or the " + RefreshCookie.NAME + " cookie");
        }
        return tokens(engines.engine().auth().refresh(token), request);
    }

    /**
     * Revokes the {@code Authorization: Bearer} access token and the refresh token of the body
     * ({@code {"refresh_token"}}, optional) or the cookie, and clears the cookie.
     *
     * @return 200 {@code {"message":"Logged out successfully"}}, or 401 AUTH_REQUIRED if no token is presented or a
     *         presented one is invalid or already revoked
     */
    @POST
    @Path("/logout")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response logout(InputStream body, @Context HttpServletRequest request) {
        engines.engine().auth().logout(authenticator.bearerToken(request), refreshToken(body, request),
                clientAddress.of(request));
        return Response.ok(JsonBodies.MAPPER.createObjectNode().put("message", "Logged out successfully").toString())
                .header(HttpHeaders.SET_COOKIE, RefreshCookie.clear(request)).build();
    }

    /** @return the body's {@code refresh_token} (the body may be empty), else the cookie's, else null */
    private static String refreshToken(InputStream body, HttpServletRequest request) {
        String token = JsonBodies.optionalText(JsonBodies.readOptionalObject(body, MAX_BODY_BYTES), "refresh_token");
        return token != null ? token : RefreshCookie.read(request);
    }

    /**
     * First-run status (upstream KalamDB {@code GET /v1/api/auth/status}), for local clients only.
     *
     * @return 200 {@code {"needs_setup": true|false, "message": "…"}} — true while root has no password; 403
     *         PERMISSION_DENIED from a client that is not local ({@link ClientAddress#isLocal}); 429
     *         RATE_LIMIT_EXCEEDED as for login
     */
    @GET
    @Path("/status")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@Context HttpServletRequest request) {
        localClient(request, "Setup status can only be checked from localhost");
        ServerSetup.Status status = engines.engine().setup().status();
        return Response.ok(JsonBodies.MAPPER.createObjectNode().put("needs_setup", status.needsSetup())
                .put("message", status.message()).toString()).build();
    }

    /**
     * First-run setup (upstream KalamDB {@code POST /v1/api/auth/setup}), for local clients only: body
     * {@code {"username", "password", "root_password", "email"?}} sets root's password and creates {@code username}
     * with role dba ({@link ServerSetup#setup}). It logs no one in.
     *
     * @return 200 {@code {"user": {…as at login…}, "message": "Server setup complete. …"}}; 400 INVALID_PARAMETER
     *         for a missing field, a password that breaks the policy ("DBA user password: …", "Root password: …") or
     *         the username root; 403 PERMISSION_DENIED from a client that is not local; 409 ALREADY_EXISTS once root
     *         has a password or for an existing user; 413 MESSAGE_TOO_LARGE over 64 KiB; 429 RATE_LIMIT_EXCEEDED as
     *         for login
     */
    @POST
    @Path("/setup")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response setup(InputStream body, @Context HttpServletRequest request) {
        String address = localClient(request, "Server setup can only be performed from localhost");
        ObjectNode json = JsonBodies.readObject(body, MAX_BODY_BYTES);
        String username = JsonBodies.optionalText(json, "username");
        String password = JsonBodies.optionalText(json, "password");
        String rootPassword = JsonBodies.optionalText(json, "root_password");
        if (username == null || password == null || rootPassword == null) {
            throw new KalamException(ErrorCode.INVALID_PARAMETER,
                    "Setup needs \"username\", \"password\" and \"root_password\"");
        }
        ServerSetup.Completed done = engines.engine().setup().setup(new UserId(username), password, rootPassword,
                JsonBodies.optionalText(json, "email"), address);
        ObjectNode out = JsonBodies.MAPPER.createObjectNode();
        out.set("user", user(done.user()));
        out.put("message", done.message());
        return Response.ok(out.toString()).build();
    }

    /**
     * Counts an attempt against the per-address auth limit, then admits local clients only.
     *
     * @return the client address
     * @throws KalamException RATE_LIMIT_EXCEEDED over the limit; PERMISSION_DENIED with {@code refusal} if the client
     *                        is not local
     */
    private String localClient(HttpServletRequest request, String refusal) {
        String address = clientAddress.of(request);
        guard.authAttempt(address);
        if (!clientAddress.isLocal(request)) {
            throw new KalamException(ErrorCode.PERMISSION_DENIED, refusal);
        }
        return address;
    }

    /** @return 200 with the authenticated user */
    @GET
    @Path("/me")
    @Produces(MediaType.APPLICATION_JSON)
    public Response me(@Context HttpServletRequest request) {
        return Response.ok(user(authenticator.authenticate(request)).toString()).build();
    }

    private static Response tokens(AuthService.Session session, HttpServletRequest request) {
        ObjectNode out = JsonBodies.MAPPER.createObjectNode();
        out.set("user", user(session.user()));
        out.put("access_token", session.accessToken().token());
        out.put("refresh_token", session.refreshToken().token());
        out.put("token_type", "Bearer");
        out.put("expires_at", session.accessToken().expiresAt().toString());
        out.put("refresh_expires_at", session.refreshToken().expiresAt().toString());
        return Response.ok(out.toString())
                .header(HttpHeaders.SET_COOKIE, RefreshCookie.set(session.refreshToken(), Instant.now(), request))
                .build();
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
