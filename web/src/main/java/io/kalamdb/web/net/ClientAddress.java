package io.kalamdb.web.net;

import io.kalamdb.core.runtime.ServerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The client address of a request, the key of per-address limits, the address in the audit log and the test of
 * the localhost-root rule. It is the TCP peer, unless the peer is one of the trusted reverse proxies
 * ({@code kalamdb.http.trusted.proxies}, comma-separated IP addresses; none by default): then the hops the
 * proxies recorded — {@code X-Forwarded-For}, or if there is none the {@code for} nodes of {@code Forwarded}
 * (RFC 7239, {@link ForwardedHeader}) — are read from the right, skipping trusted proxies, and the first address
 * that is not one is the client: the right-most untrusted address, the only one a client cannot forge (MDN,
 * "X-Forwarded-For: Security and privacy concerns"; RFC 7239 §8.1). If every listed address is trusted, the
 * left-most one is the client. Forwarding headers from any other peer are ignored. Addresses are IP literals as the
 * server sees them; IPv6 ones are compared in canonical form.
 */
@ApplicationScoped
public class ClientAddress {
    /** The header reverse proxies append the address they received a request from to. */
    public static final String FORWARDED_FOR = "X-Forwarded-For";
    /** The standard header (RFC 7239) that does the same in its {@code for} parameters. */
    public static final String FORWARDED = "Forwarded";
    /** IPv4 dotted quads and IPv6 literals: the only strings handed to {@link InetAddress}, so no DNS lookup. */
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.%]*");

    private final Set<String> trustedProxies;

    /** The resolver of the server: proxies from {@code kalamdb.http.trusted.proxies}. */
    public ClientAddress() {
        this(ServerSettings.trustedProxies(ConfigProvider.getConfig()));
    }

    /** @param trustedProxies IP addresses of the reverse proxies whose {@code X-Forwarded-For} is believed */
    public ClientAddress(Collection<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(ClientAddress::canonical)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** @return the client address of {@code request} (an IP literal) */
    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        return isTrusted(peer) ? resolve(peer, hops(request)) : canonical(peer);
    }

    /**
     * @param peer         the TCP peer's IP address
     * @param forwardedFor the hops the proxies recorded, in the order received: {@code X-Forwarded-For} header
     *                     values (each may list several comma-separated addresses) or {@code Forwarded} nodes;
     *                     empty if none
     * @return the client address: the peer, or — if the peer is a trusted proxy — the right-most recorded address
     *         that is not a trusted proxy (the left-most if all are)
     */
    public String resolve(String peer, List<String> forwardedFor) {
        if (forwardedFor.isEmpty() || !isTrusted(peer)) {
            return canonical(peer);
        }
        List<String> listed = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    listed.add(canonical(part));
                }
            }
        }
        for (int i = listed.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(listed.get(i))) {
                return listed.get(i);
            }
        }
        return listed.isEmpty() ? canonical(peer) : listed.get(0);
    }

    /**
     * The localhost-root rule's test: the client address is a loopback address and was not taken from a
     * forwarding header it could not be proved by. A request from an untrusted peer that carries
     * {@code X-Forwarded-For} or {@code Forwarded} is never local — a proxy on this host that is not configured
     * as trusted is relaying someone else's request — nor is one from a trusted proxy whose headers name no
     * client.
     *
     * @return true if the request comes from this host
     */
    public boolean isLocal(HttpServletRequest request) {
        List<String> hops = hops(request);
        boolean forwarded = request.getHeader(FORWARDED_FOR) != null || request.getHeader(FORWARDED) != null;
        String peer = request.getRemoteAddr();
        if (forwarded && (!isTrusted(peer) || hops.isEmpty())) {
            return false;
        }
        return isLoopback(resolve(peer, hops));
    }

    private boolean isTrusted(String peer) {
        return !trustedProxies.isEmpty() && trustedProxies.contains(canonical(peer));
    }

    /** @return the {@code X-Forwarded-For} values, or if there are none the {@code for} nodes of {@code Forwarded} */
    private static List<String> hops(HttpServletRequest request) {
        List<String> forwardedFor = headerValues(request, FORWARDED_FOR);
        return forwardedFor.isEmpty() ? ForwardedHeader.forNodes(headerValues(request, FORWARDED)) : forwardedFor;
    }

    private static List<String> headerValues(HttpServletRequest request, String name) {
        return request.getHeaders(name) == null ? List.of() : Collections.list(request.getHeaders(name));
    }

    private static boolean isLoopback(String address) {
        InetAddress literal = literal(address);
        return literal != null && literal.isLoopbackAddress();
    }

    /** @return an IP literal in Java's canonical form; anything else (never resolved by DNS) unchanged */
    private static String canonical(String address) {
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        InetAddress literal = literal(a);
        return literal == null ? a : literal.getHostAddress();
    }

    /** @return the address of an IP literal, or null for anything else (which is never looked up in DNS) */
    private static InetAddress literal(String address) {
        if (!IP_LITERAL.matcher(address).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
