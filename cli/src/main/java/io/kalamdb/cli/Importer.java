package io.kalamdb.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * {@code \import TABLE FILE}: loads a CSV file (RFC 4180 with a header line naming the columns; an empty field is
 * NULL) or a JSON Lines file ({@code .jsonl}: one object per line, keys naming the columns) into a table with
 * multi-row {@code INSERT}s of {@value #BATCH_ROWS} rows, as the logged-in user, showing a progress bar by bytes read
 * with the rows/s rate. Values are sent as parameters; the server converts them to the columns' types. The first
 * failing batch stops the import; the batches before it stay inserted.
 */
final class Importer {
    /** Rows per INSERT. */
    static final int BATCH_ROWS = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KalamConnection connection;
    private final Progress progress;

    Importer(KalamConnection connection, Progress progress) {
        this.connection = connection;
        this.progress = progress;
    }

    /**
     * @param table the table, {@code ns.name} or a name in the current namespace
     * @param file  a {@code .csv} or {@code .jsonl} file
     * @return the rows inserted
     * @throws KalamError the failing batch's error (its message says which rows), or INVALID_PARAMETER for a file
     *                    that cannot be read or parsed
     */
    long run(String table, Path file) throws KalamError {
        long size;
        try {
            size = Math.max(1, Files.size(file));
        } catch (IOException e) {
            throw new KalamError("INVALID_PARAMETER", "Cannot read " + file + ": " + e.getMessage());
        }
        boolean jsonl = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
        try (CountingStream in = new CountingStream(Files.newInputStream(file));
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Iterator<Row> rows = (jsonl ? jsonLines(reader) : csv(reader)).iterator();
            long done = 0;
            List<String> columns = null;
            List<List<Object>> batch = new ArrayList<>();
            while (rows.hasNext()) {
                Row row = rows.next();
                if (columns != null && (!columns.equals(row.columns()) || batch.size() == BATCH_ROWS)) {
                    done += insert(table, columns, batch, done);
                    progress.update(in.count / (double) size, String.format(Locale.ROOT, "%,d rows", done), done);
                }
                columns = row.columns();
                batch.add(row.values());
            }
            if (!batch.isEmpty()) {
                done += insert(table, columns, batch, done);
            }
            progress.finish(String.format(Locale.ROOT, "Imported %,d rows into %s in %.1f s (%,.0f rows/s).", done,
                    table, progress.seconds(), done / Math.max(progress.seconds(), 1e-9)));
            return done;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new KalamError("INVALID_PARAMETER", "Cannot parse " + file + ": " + e.getMessage());
        }
    }

    private long insert(String table, List<String> columns, List<List<Object>> batch, long before) throws KalamError {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
                .append(String.join(", ", columns)).append(") VALUES ");
        List<Object> params = new ArrayList<>();
        for (int r = 0; r < batch.size(); r++) {
            sql.append(r == 0 ? "(" : ", (");
            for (int c = 0; c < columns.size(); c++) {
                params.add(batch.get(r).get(c));
                sql.append(c == 0 ? "$" : ", $").append(params.size());
            }
            sql.append(')');
        }
        int n = batch.size();
        batch.clear();
        try {
            connection.execute(sql.toString(), params);
        } catch (KalamError e) {
            progress.finish(String.format(Locale.ROOT, "Stopped after %,d rows.", before));
            throw new KalamError(e.code(), e.getMessage() + " (rows " + (before + 1) + "–" + (before + n) + ")");
        }
        return n;
    }

    /** One row to insert: the columns it names and their values. */
    private record Row(List<String> columns, List<Object> values) {
    }

    /** @return the records after the header line, an empty field as NULL */
    private static Stream<Row> csv(Reader reader) throws IOException {
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
        List<String> header = parser.getHeaderNames();
        return parser.stream().map(record -> new Row(header,
                record.stream().<Object>map(v -> v.isEmpty() ? null : v).toList()));
    }

    /** @return the non-blank lines, each a JSON object */
    private static Stream<Row> jsonLines(BufferedReader reader) {
        return reader.lines().filter(l -> !l.isBlank()).map(Importer::jsonObject);
    }

    private static Row jsonObject(String line) {
        JsonNode object;
        try {
            object = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a line is not JSON: " + e.getOriginalMessage(), e);
        }
        if (!object.isObject()) {
            throw new IllegalArgumentException("a line is not a JSON object");
        }
        List<String> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        object.fields().forEachRemaining(f -> {
            columns.add(f.getKey());
            values.add(f.getValue());
        });
        return new Row(columns, values);
    }

    /** Counts the bytes read, for the progress bar. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }
}
