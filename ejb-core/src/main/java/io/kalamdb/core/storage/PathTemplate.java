package io.kalamdb.core.storage;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.NamespaceId;
import io.kalamdb.core.model.TableName;
import io.kalamdb.core.model.UserId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * A storage path template: the directory, relative to a storage's base directory, that holds one table's cold
 * files — or, for a USER or STREAM table, one user's part of it (DESIGN.md §3). A template is a '/'-separated
 * relative path of literal text and placeholders:
 *
 * <ul>
 * <li>{@code {namespace}} — the namespace name; required.</li>
 * <li>{@code {tableName}} — the table name; required, somewhere after {@code {namespace}}.</li>
 * <li>{@code {userId}} — the owning user's id, encoded as described below; required in a user-table template and
 * refused in a shared-table template.</li>
 * <li>{@code {shard}} — optional: {@link #shardOf(UserId)} of the owner; always {@value #SHARED_SHARD} for
 * shared tables.</li>
 * </ul>
 *
 * <p>Each placeholder appears at most once. Literal text is ASCII letters, digits, {@code _}, {@code -} and
 * {@code .}; a template may not start with {@code /}, contain {@code \}, {@code ..}, an empty segment or a
 * {@code .} segment. So a resolved path never leaves the base directory, and two tables (or two users of one
 * table) never share a directory.
 *
 * <p>User ids may hold any character but control characters, so {@code {userId}} is percent-encoded: ASCII
 * letters, digits, {@code _}, {@code -} and {@code .} (except a leading {@code .}) stay as they are; every other
 * UTF-8 byte becomes {@code %XX} with upper-case hex digits (RFC 3986 §2.1), e.g. {@code alice@example.com} →
 * {@code alice%40example.com}, {@code ../x} → {@code %2E.%2Fx}. The encoding is injective and ASCII-only.
 *
 * <p>Immutable and thread-safe.
 */
public final class PathTemplate {
    /** The default template of shared tables. */
    public static final String DEFAULT_SHARED = "{namespace}/{tableName}";
    /** The default template of user (and stream) tables. */
    public static final String DEFAULT_USER = "{namespace}/{tableName}/{userId}";
    /** What {@code {shard}} resolves to for shared tables. */
    public static final String SHARED_SHARD = "00";
    /** The longest path segment (file or directory name) a resolved template may have, in bytes. */
    public static final int MAX_SEGMENT_BYTES = 255;

    private enum Placeholder {
        NAMESPACE("namespace"), TABLE_NAME("tableName"), USER_ID("userId"), SHARD("shard");

        private final String name;

        Placeholder(String name) {
            this.name = name;
        }

        String token() {
            return "{" + name + "}";
        }

        static Placeholder named(String name) {
            for (Placeholder p : values()) {
                if (p.name.equals(name)) {
                    return p;
                }
            }
            return null;
        }
    }

    private final String text;
    private final boolean perUser;
    /** Per path segment, its parts in order: literal {@link String}s and {@link Placeholder}s. */
    private final List<List<Object>> segments;

    private PathTemplate(String text, boolean perUser, List<List<Object>> segments) {
        this.text = text;
        this.perUser = perUser;
        this.segments = segments;
    }

    /**
     * Parses and validates a {@code SHARED_TABLES_TEMPLATE}.
     *
     * @param text the template, e.g. {@code {namespace}/{tableName}}
     * @return the template
     * @throws KalamException INVALID_SQL naming the broken rule (see the class comment)
     */
    public static PathTemplate parseShared(String text) {
        return parse(text, false);
    }

    /**
     * Parses and validates a {@code USER_TABLES_TEMPLATE}; it must contain {@code {userId}}.
     *
     * @param text the template, e.g. {@code {namespace}/{tableName}/{shard}/{userId}}
     * @return the template
     * @throws KalamException INVALID_SQL naming the broken rule (see the class comment)
     */
    public static PathTemplate parseUser(String text) {
        return parse(text, true);
    }

    private static PathTemplate parse(String text, boolean perUser) {
        String kind = perUser ? "USER_TABLES_TEMPLATE" : "SHARED_TABLES_TEMPLATE";
        if (text == null || text.isEmpty()) {
            throw invalid(kind, "", "it is empty");
        }
        if (text.startsWith("/") || text.contains("\\")) {
            throw invalid(kind, text, "it must be a relative path with '/' separators");
        }
        if (text.contains("..")) {
            throw invalid(kind, text, "'..' is not allowed");
        }
        List<List<Object>> segments = new ArrayList<>();
        List<Placeholder> order = new ArrayList<>();
        for (String segment : text.split("/", -1)) {
            if (segment.isEmpty()) {
                throw invalid(kind, text, "it has an empty path segment");
            }
            if (segment.equals(".")) {
                throw invalid(kind, text, "'.' is not allowed as a path segment");
            }
            segments.add(parseSegment(kind, text, segment, order));
        }
        checkPlaceholders(kind, text, perUser, order);
        return new PathTemplate(text, perUser, List.copyOf(segments));
    }

    private static List<Object> parseSegment(String kind, String text, String segment, List<Placeholder> order) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < segment.length()) {
            char c = segment.charAt(i);
            if (c == '{') {
                int close = segment.indexOf('}', i);
                if (close < 0) {
                    throw invalid(kind, text, "'{' is not closed");
                }
                String name = segment.substring(i + 1, close);
                Placeholder p = Placeholder.named(name);
                if (p == null) {
                    throw invalid(kind, text, "unknown placeholder {" + name
                            + "}; use {namespace}, {tableName}, {userId} or {shard}");
                }
                if (order.contains(p)) {
                    throw invalid(kind, text, p.token() + " appears more than once");
                }
                order.add(p);
                if (literal.length() > 0) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                parts.add(p);
                i = close + 1;
            } else if (isPlain(c)) {
                literal.append(c);
                i++;
            } else {
                throw invalid(kind, text, "character '" + c + "' is not allowed; use letters, digits, '_', '-', '.'"
                        + " and placeholders");
            }
        }
        if (literal.length() > 0) {
            parts.add(literal.toString());
        }
        return List.copyOf(parts);
    }

    private static void checkPlaceholders(String kind, String text, boolean perUser, List<Placeholder> order) {
        if (!order.contains(Placeholder.NAMESPACE)) {
            throw invalid(kind, text, "{namespace} is required");
        }
        if (!order.contains(Placeholder.TABLE_NAME)) {
            throw invalid(kind, text, "{tableName} is required");
        }
        if (order.indexOf(Placeholder.NAMESPACE) > order.indexOf(Placeholder.TABLE_NAME)) {
            throw invalid(kind, text, "{namespace} must come before {tableName}");
        }
        if (perUser && !order.contains(Placeholder.USER_ID)) {
            throw invalid(kind, text, "a user-table template must contain {userId}");
        }
        if (!perUser && order.contains(Placeholder.USER_ID)) {
            throw invalid(kind, text, "a shared-table template cannot contain {userId}");
        }
    }

    private static boolean isPlain(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
                || c == '.';
    }

    private static KalamException invalid(String kind, String text, String reason) {
        return KalamException.invalidSql("Invalid " + kind + " '" + text + "': " + reason);
    }

    /** @return the template as written */
    public String text() {
        return text;
    }

    /** @return true for a user-table template (one that contains {@code {userId}}) */
    public boolean perUser() {
        return perUser;
    }

    /**
     * Fills in the placeholders.
     *
     * @param namespace the table's namespace
     * @param tableName the table's name
     * @param userId    the owning user for a user-table template; null for a shared-table template
     * @return the '/'-separated path relative to the storage's base directory, ASCII only, e.g.
     *         {@code chat/messages/alice}
     * @throws IllegalArgumentException if {@code userId} is null for a user-table template or given for a
     *                                  shared-table one
     * @throws KalamException           INVALID_PARAMETER if a resolved segment would exceed
     *                                  {@value #MAX_SEGMENT_BYTES} bytes (a long user id with many encoded
     *                                  characters)
     */
    public String resolve(NamespaceId namespace, TableName tableName, UserId userId) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(tableName, "tableName");
        if (perUser && userId == null) {
            throw new IllegalArgumentException("the user-table template " + text + " needs the owning user");
        }
        if (!perUser && userId != null) {
            throw new IllegalArgumentException("the shared-table template " + text + " takes no user");
        }
        StringBuilder out = new StringBuilder();
        for (List<Object> segment : segments) {
            if (out.length() > 0) {
                out.append('/');
            }
            int start = out.length();
            for (Object part : segment) {
                if (part instanceof String literal) {
                    out.append(literal);
                } else {
                    out.append(switch ((Placeholder) part) {
                        case NAMESPACE -> namespace.value();
                        case TABLE_NAME -> tableName.value();
                        case USER_ID -> encode(userId);
                        case SHARD -> userId == null ? SHARED_SHARD : shardOf(userId);
                    });
                }
            }
            if (out.length() - start > MAX_SEGMENT_BYTES) {
                throw new KalamException(ErrorCode.INVALID_PARAMETER, "The storage path of " + namespace + "."
                        + tableName + " for this user would have a name longer than " + MAX_SEGMENT_BYTES
                        + " bytes (template " + text + ")");
            }
        }
        return out.toString();
    }

    /**
     * The {@code {shard}} of a user: the low 8 bits of the CRC-32 (the ISO-HDLC / IEEE 802.3 polynomial, as
     * {@link CRC32} and zlib compute it) of the user id's UTF-8 bytes, as two lower-case hex digits,
     * {@code 00}…{@code ff}. It names directories on disk, so it never changes between versions or platforms.
     *
     * @param userId the user
     * @return e.g. {@code 47} for {@code alice}
     */
    public static String shardOf(UserId userId) {
        CRC32 crc = new CRC32();
        crc.update(userId.value().getBytes(StandardCharsets.UTF_8));
        return String.format("%02x", crc.getValue() & 0xFF);
    }

    private static String encode(UserId userId) {
        byte[] bytes = userId.value().getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            char c = (char) (bytes[i] & 0xFF);
            if (c < 0x80 && isPlain(c) && !(i == 0 && c == '.')) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", (int) c));
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathTemplate t && t.text.equals(text) && t.perUser == perUser;
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, perUser);
    }

    @Override
    public String toString() {
        return text;
    }
}
