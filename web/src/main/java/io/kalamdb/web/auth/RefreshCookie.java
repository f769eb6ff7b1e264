package io.kalamdb.web.auth;

import io.kalamdb.core.auth.IssuedToken;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@value #NAME} cookie that carries the refresh token to browsers (RFC 6265): {@code HttpOnly} (scripts
 * cannot read it), {@code SameSite=Strict} (other sites' pages cannot make the browser send it), {@code Path}
 * {@value #PATH} (sent only to the token endpoints, never with API calls) and {@code Secure} when the request came
 * over HTTPS. Only the refresh token travels in a cookie: API calls authenticate with the {@code Authorization}
 * header alone, so a cookie can never authorize a cross-site request (no CSRF on the API).
 */
public final class RefreshCookie {
    /** The cookie's name. */
    public static final String NAME = "kalam_refresh";
    /** The cookie's path: the token endpoints. */
    public static final String PATH = "/v1/api/auth";

    private RefreshCookie() {
    }

    /**
     * @param token   the refresh token
     * @param now     the current time; {@code Max-Age} is the token's remaining lifetime in seconds
     * @param request the request, whose scheme decides {@code Secure}
     * @return a {@code Set-Cookie} header value that stores the token
     */
    public static String set(IssuedToken token, Instant now, HttpServletRequest request) {
        long maxAge = Math.max(0, Duration.between(now, token.expiresAt()).toSeconds());
        return header(token.token(), maxAge, request);
    }

    /**
     * @param request the request, whose scheme decides {@code Secure}
     * @return a {@code Set-Cookie} header value that deletes the cookie ({@code Max-Age=0})
     */
    public static String clear(HttpServletRequest request) {
        return header("", 0, request);
    }

    /**
     * @param request a request to a token endpoint
     * @return the refresh token the cookie carries, or null if there is none
     */
    public static String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (NAME.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private static String header(String value, long maxAge, HttpServletRequest request) {
        return NAME + "=" + value + "; Path=" + PATH + "; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + (request.isSecure() ? "; Secure" : "");
    }
}
