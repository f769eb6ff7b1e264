package io.kalamdb.web.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code for} nodes of {@code Forwarded} headers (RFC 7239): {@code Forwarded: for=192.0.2.60;proto=http,
 * for="[2001:db8:cafe::17]:4711"} names {@code 192.0.2.60} and {@code 2001:db8:cafe::17}, in the order the proxies
 * appended them. Elements are separated by {@code ,} and their pairs by {@code ;}, outside quoted strings (§4);
 * parameter names are case-insensitive; a node (§6) is an IPv4 address, a bracketed IPv6 address, {@code unknown}
 * or an obfuscated identifier ({@code _hidden}), optionally with a port, which is dropped. Elements without
 * {@code for} are skipped; nothing here is resolved by DNS.
 */
final class ForwardedHeader {
    private ForwardedHeader() {
    }

    /**
     * @param values the {@code Forwarded} header values in the order received
     * @return the {@code for} node of each element that has one, without port or brackets, in order
     */
    static List<String> forNodes(List<String> values) {
        List<String> nodes = new ArrayList<>();
        for (String value : values) {
            for (String element : split(value, ',')) {
                for (String pair : split(element, ';')) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("for")) {
                        String node = node(unquote(pair.substring(eq + 1).strip()));
                        if (!node.isEmpty()) {
                            nodes.add(node);
                        }
                    }
                }
            }
        }
        return nodes;
    }

    /** @return the parts of {@code text} between {@code separator}s that are not inside a quoted string */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                part.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        parts.add(part.toString());
        return parts;
    }

    /** @return a token or quoted-string value (RFC 7230 §3.2.6) without its quotes and escapes */
    private static String unquote(String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return value;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            out.append(c == '\\' && i + 1 < value.length() - 1 ? value.charAt(++i) : c);
        }
        return out.toString();
    }

    /** @return the node name of {@code node}: the IPv6 address inside brackets, or what precedes a port */
    private static String node(String node) {
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            return close < 0 ? node : node.substring(1, close);
        }
        int colon = node.indexOf(':');
        return colon < 0 ? node : node.substring(0, colon);
    }
}
