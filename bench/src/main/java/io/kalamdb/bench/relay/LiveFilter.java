package io.kalamdb.bench.relay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live-query subset the relay understands, the shape of Supabase Realtime's {@code postgres_changes} filters:
 * {@code SELECT <columns or *> FROM [schema.]table [WHERE col = 'text' | col = number [AND …]]}. A row matches when
 * its owner column {@value #OWNER} is the subscriber's user (what row-level security would allow them to read) and
 * every equality holds (values compared as text, as PostgreSQL prints them).
 *
 * @param table      {@code schema.table}; {@code public} when the SQL names none
 * @param columns    the projection, empty for {@code *}
 * @param equalities column → value the row must have
 */
public record LiveFilter(String table, List<String> columns, Map<String, String> equalities) {
    /** The column naming the row's owner. */
    public static final String OWNER = "user_id";
    private static final Pattern SELECT = Pattern.compile(
            "(?is)\\s*SELECT\\s+(.+?)\\s+FROM\\s+([a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)?)(?:\\s+WHERE\\s+(.+?))?\\s*;?\\s*");
    private static final Pattern EQUALITY = Pattern.compile(
            "(?is)\\s*([a-z_][a-z0-9_]*)\\s*=\\s*(?:'((?:[^']|'')*)'|(-?[0-9]+(?:\\.[0-9]+)?))\\s*");
    private static final Pattern AND = Pattern.compile("(?i)\\s+AND\\s+");
    private static final Pattern IDENTIFIER = Pattern.compile("(?i)[a-z_][a-z0-9_]*");

    /**
     * @param sql the subscription's SQL
     * @return the filter
     * @throws IllegalArgumentException if the SQL is outside the subset
     */
    public static LiveFilter parse(String sql) {
        Matcher m = SELECT.matcher(sql);
        if (!m.matches()) {
            throw new IllegalArgumentException("Only SELECT <columns> FROM <table> [WHERE col = value [AND …]]: " + sql);
        }
        List<String> columns = new ArrayList<>();
        if (!m.group(1).strip().equals("*")) {
            for (String c : m.group(1).split(",")) {
                if (!IDENTIFIER.matcher(c.strip()).matches()) {
                    throw new IllegalArgumentException("Not a column: " + c.strip());
                }
                columns.add(c.strip().toLowerCase(Locale.ROOT));
            }
        }
        String table = m.group(2).toLowerCase(Locale.ROOT);
        Map<String, String> equalities = new LinkedHashMap<>();
        if (m.group(3) != null) {
            for (String term : AND.split(m.group(3))) {
                Matcher e = EQUALITY.matcher(term);
                if (!e.matches()) {
                    throw new IllegalArgumentException("Only col = 'text' or col = number: " + term.strip());
                }
                equalities.put(e.group(1).toLowerCase(Locale.ROOT),
                        e.group(2) != null ? e.group(2).replace("''", "'") : e.group(3));
            }
        }
        return new LiveFilter(table.contains(".") ? table : "public." + table, List.copyOf(columns),
                Map.copyOf(equalities));
    }

    /**
     * @param user the subscriber
     * @param row  a row's values by column name (wal2json's JSON values)
     * @return whether the subscriber may read the row and it satisfies every equality; false when a needed column
     *         is missing from {@code row}
     */
    public boolean matches(String user, Map<String, JsonNode> row) {
        JsonNode owner = row.get(OWNER);
        if (owner == null || !owner.asText().equals(user)) {
            return false;
        }
        for (Map.Entry<String, String> e : equalities.entrySet()) {
            JsonNode v = row.get(e.getKey());
            if (v == null || v.isNull() || !v.asText().equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }
}
