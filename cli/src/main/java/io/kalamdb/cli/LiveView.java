package io.kalamdb.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.WebSocket;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/**
 * {@code \subscribe SELECT …} (alias {@code \watch}): a live query over the WebSocket protocol (DESIGN.md §6). It
 * prints the initial rows as a table, then each change as one line — the local time, a marker ({@code +} insert,
 * {@code ~} update with the old values, {@code -} delete) and the row as JSON — until Ctrl-C, {@code \stop} or
 * end of input. {@code \pause} holds changes back (they keep arriving and are counted) and {@code \continue}
 * prints them. Lines are printed above the input line, so typing is not disturbed.
 */
final class LiveView {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final String ID = "cli";

    private final KalamConnection connection;
    private final LineReader reader;
    private final List<String> held = new ArrayList<>();
    private final List<String> columns = new ArrayList<>();
    private final List<JsonNode> initial = new ArrayList<>();
    private boolean paused;
    private WebSocket socket;

    LiveView(KalamConnection connection, LineReader reader) {
        this.connection = connection;
        this.reader = reader;
    }

    /**
     * Subscribes and shows the view until the user ends it.
     *
     * @param sql the live query
     * @throws KalamError AUTH_REQUIRED without a token, UNREACHABLE if the WebSocket cannot be opened
     */
    void run(String sql) throws KalamError {
        socket = connection.liveSocket(new Messages());
        ObjectNode subscribe = JSON.createObjectNode().put("type", "subscribe");
        subscribe.putObject("subscription").put("id", ID).put("sql", sql);
        socket.sendText(subscribe.toString(), true).join();
        try {
            while (true) {
                String line = reader.readLine("").strip();
                switch (line) {
                    case "\\stop" -> {
                        return;
                    }
                    case "\\pause" -> pause();
                    case "\\continue" -> resume();
                    default -> show("Live view: \\pause, \\continue, \\stop (or Ctrl-C) — " + line + " ignored");
                }
            }
        } catch (UserInterruptException | EndOfFileException e) {
            // the user ended the view
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "view ended").join();
            show("Live view ended.");
        }
    }

    private synchronized void pause() {
        paused = true;
        show("Paused: changes are held back until \\continue.");
    }

    private synchronized void resume() {
        paused = false;
        show("Continuing with " + held.size() + " held change(s).");
        held.forEach(this::show);
        held.clear();
    }

    private synchronized void change(String line) {
        if (paused) {
            held.add(line);
        } else {
            show(line);
        }
    }

    private void show(String text) {
        reader.printAbove(text);
    }

    private void message(JsonNode m) {
        switch (m.path("type").asText()) {
            case "subscription_ack" -> m.path("schema").forEach(c -> columns.add(c.path("name").asText()));
            case "initial_data_batch" -> {
                m.path("rows").forEach(initial::add);
                JsonNode control = m.path("batch_control");
                if (control.path("has_more").asBoolean()) {
                    socket.sendText(JSON.createObjectNode().put("type", "next_batch").put("subscription_id", ID)
                            .put("last_seq_id", control.path("last_seq_id").asText()).toString(), true);
                } else {
                    show(initialTable());
                    show("-- live: changes follow (\\pause, \\continue, \\stop or Ctrl-C) --");
                }
            }
            case "change" -> changes(m);
            case "error" -> show(KalamError.display(m.path("code").asText(), m.path("message").asText()));
            default -> {
            }
        }
    }

    private void changes(JsonNode m) {
        String time = LocalTime.now().format(TIME);
        String kind = m.path("change_type").asText();
        Iterator<JsonNode> rows = m.path("rows").iterator();
        Iterator<JsonNode> old = m.path("old_values").iterator();
        switch (kind) {
            case "insert" -> rows.forEachRemaining(r -> change(time + " + " + r));
            case "update" -> rows.forEachRemaining(r -> change(time + " ~ " + r
                    + (old.hasNext() ? "  (was " + old.next() + ")" : "")));
            case "delete" -> old.forEachRemaining(r -> change(time + " - " + r));
            default -> change(time + " ? " + m);
        }
    }

    private String initialTable() {
        List<QueryResult.Column> schema = new ArrayList<>();
        columns.forEach(c -> schema.add(new QueryResult.Column(c, "Text")));
        List<List<JsonNode>> rows = new ArrayList<>();
        for (JsonNode r : initial) {
            List<JsonNode> values = new ArrayList<>();
            columns.forEach(c -> values.add(r.get(c)));
            rows.add(values);
        }
        return AlignedTable.render(new QueryResult(schema, rows, rows.size(), null)).stripTrailing();
    }

    /** Joins frames into messages and hands each to the view. */
    private final class Messages implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    message(JSON.readTree(partial.toString()));
                } catch (JsonProcessingException e) {
                    show("ERROR (PROTOCOL): the server sent something that is not JSON");
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
