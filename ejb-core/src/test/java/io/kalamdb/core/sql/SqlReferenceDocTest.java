package io.kalamdb.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code docs/sql.md} true: runs every {@code ```sql} block, in document order, against one engine and
 * checks what the document says about it. A block runs as one request, as root unless its first line is
 * {@code -- as <user>} (role user) or {@code -- as <user> (<role>)}; {@code -- params: [json]} supplies
 * parameter values; {@code -- → error CODE} expects that error; {@code -- → N rows} expects the last
 * statement's row count; a Markdown table right after the block (only blank lines between) is the last
 * statement's expected result: header = column names, cells = values as the HTTP API encodes them,
 * {@code NULL} for null, {@code …} for any value.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlReferenceDocTest {
    private static final Path DOC = Path.of("..", "docs", "sql.md");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AS = Pattern.compile("--\\s*as\\s+(\\S+)(?:\\s+\\((\\w+)\\))?");
    private static final Pattern PARAMS = Pattern.compile("--\\s*params:\\s*(\\[.*])");
    private static final Pattern ERROR = Pattern.compile("--\\s*→\\s*error\\s+([A-Z_]+)");
    private static final Pattern ROWS = Pattern.compile("--\\s*→\\s*(\\d+)\\s+rows?");
    private static final String ANY = "…";

    private EngineFixture db;

    /** One {@code ```sql} block of the document and the result table that follows it, if any. */
    private record Example(int line, String sql, List<List<String>> table) {
        String name() {
            String first = sql.lines().filter(l -> !l.startsWith("--")).findFirst().orElse(sql.lines().findFirst()
                    .orElse(""));
            return "line " + line + ": " + first;
        }
    }

    @BeforeAll
    void open(@TempDir Path dir) {
        db = new EngineFixture(dir);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRunsAndGivesTheDocumentedResult() throws IOException {
        List<Example> examples = examples(Files.readAllLines(DOC));
        assertTrue(examples.size() >= 50, "only " + examples.size() + " sql blocks in " + DOC.toAbsolutePath());
        return examples.stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> check(e)));
    }

    private void check(Example e) throws JsonProcessingException {
        SqlSession session = EngineFixture.root();
        Object[] params = {};
        ErrorCode expectedError = null;
        Long expectedRows = null;
        for (String line : e.sql().lines().map(String::strip).toList()) {
            Matcher m;
            if ((m = AS.matcher(line)).matches()) {
                session = EngineFixture.as(m.group(1), m.group(2) == null ? Role.USER : Role.parse(m.group(2)));
            } else if ((m = PARAMS.matcher(line)).matches()) {
                params = JSON.readValue(m.group(1), List.class).toArray();
            } else if ((m = ERROR.matcher(line)).matches()) {
                expectedError = ErrorCode.valueOf(m.group(1));
            } else if ((m = ROWS.matcher(line)).matches()) {
                expectedRows = Long.parseLong(m.group(1));
            }
        }
        String where = "\n--- " + DOC + " line " + e.line() + " ---\n" + e.sql();
        if (expectedError != null) {
            SqlSession s = session;
            Object[] p = params;
            KalamException error = assertThrows(KalamException.class, () -> db.runAll(s, e.sql(), p),
                    "expected " + expectedError + where);
            assertEquals(expectedError, error.code(), error.getMessage() + where);
            return;
        }
        List<StatementResult> results;
        try {
            results = db.runAll(session, e.sql(), params);
        } catch (KalamException error) {
            throw new AssertionError(error.code() + ": " + error.getMessage() + where, error);
        }
        StatementResult last = results.get(results.size() - 1);
        if (expectedRows != null) {
            assertEquals(expectedRows, last.rowCount(), "row count" + where);
        }
        if (!e.table().isEmpty()) {
            assertTable(e.table(), last, where);
        }
    }

    private static void assertTable(List<List<String>> table, StatementResult result, String where)
            throws JsonProcessingException {
        assertEquals(table.get(0), result.schema().stream().map(ResultColumn::name).toList(), "columns" + where);
        List<List<String>> expected = table.subList(1, table.size());
        List<List<String>> actual = new ArrayList<>();
        for (Object[] row : result.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.length; i++) {
                cells.add(render(result.schema().get(i), row[i]));
            }
            actual.add(cells);
        }
        assertEquals(expected.size(), actual.size(), "rows " + actual + where);
        for (int r = 0; r < expected.size(); r++) {
            for (int c = 0; c < expected.get(r).size(); c++) {
                String want = expected.get(r).get(c);
                if (!want.equals(ANY)) {
                    assertEquals(want, actual.get(r).get(c), "row " + (r + 1) + ", column "
                            + table.get(0).get(c) + " of " + actual + where);
                }
            }
        }
    }

    /** @return a value as the HTTP API encodes it, unquoted; NULL for null */
    private static String render(ResultColumn column, Object value) throws JsonProcessingException {
        if (value == null) {
            return "NULL";
        }
        Object json = column.type().toJsonValue(value);
        return json instanceof String s ? s : JSON.writeValueAsString(json);
    }

    private static List<Example> examples(List<String> lines) {
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```sql")) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (!lines.get(end).strip().equals("```")) {
                end++;
            }
            int next = end + 1;
            while (next < lines.size() && lines.get(next).isBlank()) {
                next++;
            }
            List<List<String>> table = new ArrayList<>();
            for (; next < lines.size() && lines.get(next).startsWith("|"); next++) {
                if (!lines.get(next).matches("\\|[-|\\s]+\\|")) {
                    table.add(cells(lines.get(next)));
                }
            }
            out.add(new Example(start, String.join("\n", lines.subList(start, end)), table));
            i = end;
        }
        return out;
    }

    private static List<String> cells(String row) {
        String inner = row.strip().substring(1, row.strip().length() - 1);
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }
}
