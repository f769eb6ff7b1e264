package io.kalamdb.cli;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * TAB completion in the REPL: SQL keywords, meta-commands, and the namespaces, tables ({@code ns.table} and bare)
 * and columns the user can see, read from {@code information_schema} at start and on
 * {@code \refresh}. Names the user may not read are simply not offered.
 */
final class SqlCompleter implements Completer {
    private static final List<String> KEYWORDS = List.of("SELECT", "FROM", "WHERE", "INSERT", "INTO", "VALUES",
            "UPDATE", "SET", "DELETE", "CREATE", "ALTER", "DROP", "TABLE", "USER", "SHARED", "STREAM", "NAMESPACE",
            "SHOW", "TABLES", "NAMESPACES", "DESCRIBE", "ORDER", "BY", "GROUP", "LIMIT", "AND", "OR", "NOT", "NULL",
            "JOIN", "ON", "AS", "FLUSH", "KILL", "JOB", "LIVE", "QUERY", "EXECUTE", "WITH", "PRIMARY", "KEY",
            "DEFAULT", "STORAGE", "STATS", "USE", "DISTINCT", "COUNT", "LIKE", "IN", "IS", "BETWEEN");
    private static final List<String> META = List.of("\\?", "\\q", "\\l", "\\c", "\\dt", "\\d", "\\du", "\\jobs",
            "\\flush", "\\import", "\\kill", "\\stats", "\\health", "\\as", "\\subscribe", "\\watch", "\\timing",
            "\\x", "\\refresh");

    private final KalamConnection connection;
    private volatile Set<String> names = Set.of();

    SqlCompleter(KalamConnection connection) {
        this.connection = connection;
    }

    /** Reloads the names the user can see; a query the user may not run contributes nothing. */
    void refresh() {
        Set<String> loaded = new TreeSet<>();
        collect(loaded, "SELECT table_schema, table_schema || '.' || table_name, table_name FROM information_schema.tables");
        collect(loaded, "SELECT DISTINCT column_name FROM information_schema.columns");
        names = loaded;
    }

    private void collect(Set<String> into, String sql) {
        try {
            for (QueryResult r : connection.execute(sql)) {
                r.rows().forEach(row -> row.forEach(v -> into.add(QueryResult.text(v))));
            }
        } catch (KalamError e) {
            // not readable by this user (or the server is gone): offer what is known
        }
    }

    /** @return the names currently offered besides keywords */
    Set<String> names() {
        return names;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (line.wordIndex() == 0 && line.word().startsWith("\\")) {
            META.forEach(m -> candidates.add(new Candidate(m)));
            return;
        }
        KEYWORDS.forEach(k -> candidates.add(new Candidate(k)));
        KEYWORDS.forEach(k -> candidates.add(new Candidate(k.toLowerCase())));
        names.forEach(n -> candidates.add(new Candidate(n)));
    }
}
