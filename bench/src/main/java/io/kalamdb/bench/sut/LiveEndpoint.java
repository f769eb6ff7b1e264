package io.kalamdb.bench.sut;

import java.net.URI;
import java.util.Map;

/**
 * Where one user's live-query subscribers connect: a WebSocket speaking (the subset of) KalamDB's protocol —
 * KalamDB's own {@code /v1/ws}, or the PostgreSQL peer's wal2json relay.
 *
 * @param uri     {@code ws://…}
 * @param headers headers of the upgrade request (KalamDB: {@code Authorization: Bearer <token>}; the relay: none,
 *                the user is in the query string)
 */
public record LiveEndpoint(URI uri, Map<String, String> headers) {
}
