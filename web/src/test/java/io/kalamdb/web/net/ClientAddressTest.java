package io.kalamdb.web.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private static final ClientAddress TRUSTS_NOBODY = new ClientAddress(List.of());
    private static final ClientAddress BEHIND_PROXIES = new ClientAddress(List.of("10.0.0.1", "10.0.0.2", "::1"));

    /** A request with only a peer address and headers: the two things the resolver reads. */
    private static HttpServletRequest request(String peer, Map<String, List<String>> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(ClientAddressTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getHeaders" -> Collections.enumeration(headers.getOrDefault((String) args[0], List.of()));
                    case "getHeader" -> headers.getOrDefault((String) args[0], List.of()).stream().findFirst()
                            .orElse(null);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        assertEquals("203.0.113.7", TRUSTS_NOBODY.resolve("203.0.113.7", List.of("198.51.100.1")));
        assertEquals("203.0.113.7", BEHIND_PROXIES.resolve("203.0.113.7", List.of("198.51.100.1")));
    }

    @Test
    void aTrustedProxyNamesTheClientAsTheRightMostUntrustedAddress() {
        assertEquals("198.51.100.1", BEHIND_PROXIES.resolve("10.0.0.1", List.of("198.51.100.1")));
        assertEquals("198.51.100.1", BEHIND_PROXIES.resolve("10.0.0.1",
                List.of("6.6.6.6, 198.51.100.1, 10.0.0.2")), "a forged left part and a trusted hop are skipped");
        assertEquals("198.51.100.1", BEHIND_PROXIES.resolve("10.0.0.1", List.of("6.6.6.6", "198.51.100.1")),
                "several header lines are one list");
        assertEquals("10.0.0.2", BEHIND_PROXIES.resolve("10.0.0.1", List.of("10.0.0.2")),
                "all trusted: the left-most");
        assertEquals("10.0.0.1", BEHIND_PROXIES.resolve("10.0.0.1", List.of()));
    }

    @Test
    void ipv6AddressesAreComparedInCanonicalForm() {
        assertEquals("198.51.100.1", BEHIND_PROXIES.resolve("0:0:0:0:0:0:0:1", List.of("198.51.100.1")));
        assertEquals("2001:db8:0:0:0:0:0:1", BEHIND_PROXIES.resolve("10.0.0.1", List.of("[2001:db8::1]")));
    }

    @Test
    void onlyALoopbackClientThatNoUntrustedProxyRelayedIsLocal() {
        assertTrue(TRUSTS_NOBODY.isLocal(request("127.0.0.1", Map.of())));
        assertFalse(TRUSTS_NOBODY.isLocal(request("203.0.113.7", Map.of())));
        assertFalse(TRUSTS_NOBODY.isLocal(request("127.0.0.1", Map.of(ClientAddress.FORWARDED_FOR,
                List.of("203.0.113.7")))), "a local proxy that is not trusted relays someone else");
        assertFalse(TRUSTS_NOBODY.isLocal(request("127.0.0.1", Map.of("Forwarded", List.of("for=203.0.113.7")))));
        assertFalse(BEHIND_PROXIES.isLocal(request("::1", Map.of(ClientAddress.FORWARDED_FOR,
                List.of("203.0.113.7")))), "a trusted local proxy relaying a remote client");
        assertTrue(BEHIND_PROXIES.isLocal(request("::1", Map.of(ClientAddress.FORWARDED_FOR, List.of("127.0.0.1")))));
        assertTrue(BEHIND_PROXIES.isLocal(request("::1", Map.of(ClientAddress.FORWARDED, List.of("for=127.0.0.1")))),
                "a trusted proxy's Forwarded names a local client");
        assertFalse(BEHIND_PROXIES.isLocal(request("::1", Map.of(ClientAddress.FORWARDED,
                List.of("for=\"[::1]\", for=203.0.113.7")))), "the right-most untrusted hop is remote");
        assertFalse(BEHIND_PROXIES.isLocal(request("::1", Map.of(ClientAddress.FORWARDED, List.of("proto=https")))),
                "a Forwarded header that names no client proves nothing");
    }

    @Test
    void aTrustedProxysForwardedHeaderNamesTheClientWhenItSendsNoXForwardedFor() {
        assertEquals("198.51.100.1", BEHIND_PROXIES.of(request("10.0.0.1", Map.of(ClientAddress.FORWARDED,
                List.of("for=6.6.6.6;proto=http, for=\"198.51.100.1:4711\";by=10.0.0.1", "for=10.0.0.2")))));
        assertEquals("2001:db8:cafe:0:0:0:0:17", BEHIND_PROXIES.of(request("10.0.0.1", Map.of(ClientAddress.FORWARDED,
                List.of("For=\"[2001:db8:cafe::17]:4711\"")))));
        assertEquals("203.0.113.7", BEHIND_PROXIES.of(request("10.0.0.1", Map.of(ClientAddress.FORWARDED_FOR,
                List.of("203.0.113.7"), ClientAddress.FORWARDED, List.of("for=198.51.100.1")))),
                "X-Forwarded-For wins when a proxy sends both");
        assertEquals("203.0.113.9", TRUSTS_NOBODY.of(request("203.0.113.9", Map.of(ClientAddress.FORWARDED,
                List.of("for=198.51.100.1")))), "ignored from an untrusted peer");
    }

    @Test
    void theClientOfARequestIsResolvedFromItsPeerAndHeader() {
        assertEquals("198.51.100.1", BEHIND_PROXIES.of(request("10.0.0.1",
                Map.of(ClientAddress.FORWARDED_FOR, List.of("198.51.100.1")))));
        assertEquals("hostname.example", TRUSTS_NOBODY.resolve("hostname.example", List.of()),
                "non-literals are never looked up");
    }
}
