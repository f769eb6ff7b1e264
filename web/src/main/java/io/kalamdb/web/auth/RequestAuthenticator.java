package io.kalamdb.web.auth;

import io.kalamdb.core.auth.UserRecord;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.runtime.EngineHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who is calling (DESIGN.md §5): {@code Authorization: Bearer <access token>} on every API request —
 * passwords are only exchanged at {@code /v1/api/auth/login}. A request from the loopback interface with
 * no {@code Authorization} header (and no {@code X-Forwarded-For}) acts as {@code root} while root has no
 * password, the development default that a root password ends.
 */
@ApplicationScoped
public class RequestAuthenticator {
    private static final String BEARER = "Bearer ";

    @Inject
    EngineHolder engines;

    /**
     * @return the authenticated, active user
     * @throws KalamException AUTH_REQUIRED (HTTP 401) without valid credentials
     */
    public UserRecord authenticate(HttpServletRequest request) {
        String token = bearerToken(request);
        if (token == null) {
            if (isLocal(request) && engines.engine().auth().rootIsPasswordless()) {
                return engines.engine().auth().root();
            }
            throw new KalamException(ErrorCode.AUTH_REQUIRED,
                    "Authentication required: send Authorization: Bearer <access token> from /v1/api/auth/login");
        }
        return engines.engine().auth().authenticate(token);
    }

    /**
     * @return the token of the request's {@code Authorization: Bearer} header, or null if there is no header
     * @throws KalamException AUTH_REQUIRED (HTTP 401) if the header uses another scheme
     */
    public String bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            return null;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new KalamException(ErrorCode.AUTH_REQUIRED,
                    "Only Bearer tokens are accepted; exchange a password at /v1/api/auth/login");
        }
        return header.substring(BEARER.length()).trim();
    }

    private static boolean isLocal(HttpServletRequest request) {
        if (request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null) {
            return false;
        }
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
