package io.kalamdb.web.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code for} nodes of RFC 7239 {@code Forwarded} headers, with the RFC's own examples (§4, §6, §7.1). */
class ForwardedHeaderTest {
    @Test
    void theRfcExamplesNameTheirForNodesInOrder() {
        assertEquals(List.of("_gazonk", "2001:db8:cafe::17", "192.0.2.60", "192.0.2.43", "198.51.100.17"),
                ForwardedHeader.forNodes(List.of("for=\"_gazonk\"", "For=\"[2001:db8:cafe::17]:4711\"",
                        "for=192.0.2.60;proto=http;by=203.0.113.43", "for=192.0.2.43, for=198.51.100.17")));
    }

    @Test
    void portsAndQuotesAreDroppedAndElementsWithoutForSkipped() {
        assertEquals(List.of("192.0.2.43", "unknown", "::1"), ForwardedHeader.forNodes(List.of(
                "for=\"192.0.2.43:47011\";proto=https, proto=http;by=203.0.113.43, for=unknown, for=\"[::1]\"")));
    }

    @Test
    void separatorsInsideQuotedValuesDoNotSplit() {
        assertEquals(List.of("198.51.100.1"), ForwardedHeader.forNodes(List.of(
                "by=\"a,b;c\";for=198.51.100.1;host=\"x\\\"y\"")));
        assertEquals(List.of(), ForwardedHeader.forNodes(List.of("", "proto=https")));
    }
}
