package io.kalamdb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * TAB completion in the REPL: SQL keywords, meta-commands, and the namespaces, tables ({@code ns.table} and bare)
 * and columns the user can see, read at start and on {@code \refresh}: from {@code information_schema} for dba and
 * system (two requests), and for other roles, whose first {@code information_schema} query is refused, from
 * {@code SHOW NAMESPACES}, {@code SHOW TABLES IN} each namespace and {@code DESCRIBE TABLE} of up to
 * {@value #MAX_DESCRIBED} tables — three requests after the refused one (fewer when there is nothing to list). Names
 * the user may not read are simply not offered.
 */
final class SqlCompleter implements Completer {
    private static final List<String> KEYWORDS = List.of("SELECT", "FROM", "WHERE", "INSERT", "INTO", "VALUES",
            "UPDATE", "SET", "DELETE", "CREATE", "ALTER", "DROP", "TABLE", "USER", "SHARED", "STREAM", "NAMESPACE",
            "SHOW", "TABLES", "NAMESPACES", "DESCRIBE", "ORDER", "BY", "GROUP", "LIMIT", "AND", "OR", "NOT", "NULL",
            "JOIN", "ON", "AS", "FLUSH", "KILL", "JOB", "LIVE", "QUERY", "EXECUTE", "WITH", "PRIMARY", "KEY",
            "DEFAULT", "STORAGE", "STATS", "USE", "DISTINCT", "COUNT", "LIKE", "IN", "IS", "BETWEEN");
    /** The meta-commands: the first word of each {@link MetaCommands#HELP} entry, and the alias {@code \watch}. */
    private static final List<String> META = Stream.concat(
            MetaCommands.HELP.keySet().stream().map(usage -> usage.split(" ", 2)[0]), Stream.of("\\watch")).toList();

    private static final int MAX_DESCRIBED = 200;

    private final KalamConnection connection;
    private volatile Set<String> names = Set.of();

    SqlCompleter(KalamConnection connection) {
        this.connection = connection;
    }

    /** Reloads the names the user can see; a query the user may not run contributes nothing. */
    void refresh() {
        Set<String> loaded = new TreeSet<>();
        try {
            collect(loaded, "SELECT table_schema, table_schema || '.' || table_name, table_name FROM information_schema.tables");
            collect(loaded, "SELECT DISTINCT column_name FROM information_schema.columns");
        } catch (KalamError notDba) {
            try {
                collectListed(loaded);
            } catch (KalamError e) {
                // the server is gone, or the catalog changed between the requests: offer what is known
            }
        }
        names = loaded;
    }

    private void collect(Set<String> into, String sql) throws KalamError {
        for (QueryResult r : connection.execute(sql)) {
            r.rows().forEach(row -> row.forEach(v -> into.add(QueryResult.text(v))));
        }
    }

    /** What every role may list: namespaces, their tables (one batch) and the tables' columns (one batch). */
    private void collectListed(Set<String> into) throws KalamError {
        StringBuilder showTables = new StringBuilder();
        for (List<JsonNode> ns : connection.execute("SHOW NAMESPACES").get(0).rows()) {
            into.add(QueryResult.text(ns.get(0)));
            showTables.append("SHOW TABLES IN ").append(quoted(QueryResult.text(ns.get(0)))).append(';');
        }
        if (showTables.isEmpty()) {
            return;
        }
        StringBuilder describe = new StringBuilder();
        int described = 0;
        for (QueryResult tables : connection.execute(showTables.toString())) {
            for (List<JsonNode> t : tables.rows()) {
                String namespace = QueryResult.text(t.get(0));
                String name = QueryResult.text(t.get(1));
                into.add(namespace + "." + name);
                into.add(name);
                if (described++ < MAX_DESCRIBED) {
                    describe.append("DESCRIBE TABLE ").append(quoted(namespace)).append('.').append(quoted(name))
                            .append(';');
                }
            }
        }
        if (!describe.isEmpty()) {
            for (QueryResult columns : connection.execute(describe.toString())) {
                columns.rows().forEach(c -> into.add(QueryResult.text(c.get(0))));
            }
        }
    }

    /** @return the names currently offered besides keywords */
    Set<String> names() {
        return names;
    }

    /** @return a quoted identifier, so that names like {@code default} are not read as keywords */
    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
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
