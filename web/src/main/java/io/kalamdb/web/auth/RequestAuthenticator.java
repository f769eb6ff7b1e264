package io.kalamdb.web.auth;

import io.kalamdb.core.auth.UserRecord;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.runtime.EngineHolder;
import io.kalamdb.web.net.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Who is calling (DESIGN.md §5): {@code Authorization: Bearer <access token>} on every API request —
 * passwords are only exchanged at {@code /v1/api/auth/login}. A request from this host
 * ({@link ClientAddress#isLocal}: a loopback client address, never one relayed by an untrusted proxy) with no
 * {@code Authorization} header acts as {@code root} while root has no password, the development default that a
 * root password ends.
 */
@ApplicationScoped
public class RequestAuthenticator {
    private static final String BEARER = "Bearer ";

    @Inject
    EngineHolder engines;

    @Inject
    ClientAddress clientAddress;

    /**
     * @return the authenticated, active user
     * @throws KalamException AUTH_REQUIRED (HTTP 401) without valid credentials
     */
    public UserRecord authenticate(HttpServletRequest request) {
        String token = bearerToken(request);
        if (token == null) {
            if (clientAddress.isLocal(request)) {
                Optional<UserRecord> root = engines.engine().auth().passwordlessRoot();
                if (root.isPresent()) {
                    return root.get();
                }
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
}
