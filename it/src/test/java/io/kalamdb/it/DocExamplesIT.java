package io.kalamdb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@code curl} examples of the user docs ({@code sh} blocks) against the real server and compares each
 * answer with the {@code json} block that follows it in the doc, ignoring what differs on every run ({@code took},
 * tokens, timestamps, version). {@code $TOKEN} is the access token of the doc's latest login. Examples that need a
 * server of their own are in blocks of another info string — {@code sh first-run} for the first-run setup, run by
 * {@link FirstRunSetupIT} with {@link #runExamples} — and skipped here.
 */
class DocExamplesIT {
    private static final Path DOCS = Path.of("..", "docs");
    private static final Set<String> VARYING = Set.of("took", "access_token", "refresh_token", "expires_at",
            "refresh_expires_at", "created_at", "updated_at", "version");

    private final KalamClient client = new KalamClient();

    @Test
    void quickStartExamplesWorkAsDocumented() throws IOException {
        SqlApiIT.ok("DROP NAMESPACE IF EXISTS chat CASCADE; DROP USER IF EXISTS 'alice'");
        assertEquals(6, runExamples("quickstart.md", "sh", client));
    }

    @Test
    void httpApiExamplesWorkAsDocumented() throws IOException {
        SqlApiIT.ok("DROP NAMESPACE IF EXISTS shop CASCADE; DROP USER IF EXISTS 'bob'");
        assertTrue(runExamples("http-api.md", "sh", client) >= 10);
    }

    /**
     * Runs a doc's {@code curl} examples of one kind, in order, and checks each answer against the {@code json} block
     * after it.
     *
     * @param doc    the file name under {@code docs/}
     * @param info   the info string of the blocks to run, e.g. {@code sh}
     * @param client the server to run them against
     * @return the number of examples run
     */
    static int runExamples(String doc, String info, KalamClient client) throws IOException {
        List<String[]> blocks = MarkdownBlocks.fenced(Files.readString(DOCS.resolve(doc)));
        String token = "";
        int run = 0;
        for (int i = 0; i < blocks.size() - 1; i++) {
            String[] block = blocks.get(i);
            if (!block[0].equals(info) || !block[1].strip().startsWith("curl ")) {
                continue;
            }
            String[] expected = blocks.get(i + 1);
            assertEquals("json", expected[0], () -> doc + ": a curl example must be followed by its json answer: "
                    + block[1]);
            CurlCommand curl = CurlCommand.parse(block[1], token);
            KalamClient.Response response = curl.send(client);
            assertFalse(response.json() == null, () -> doc + ": no JSON from " + block[1] + "\n" + response);
            assertEquals(normalize(KalamClient.json().readTree(expected[1])), normalize(response.json()),
                    () -> doc + ": " + block[1] + "\n" + response);
            if (curl.path().endsWith("/auth/login") && response.status() == 200) {
                token = response.json().path("access_token").asText();
            }
            run++;
        }
        return run;
    }

    private static JsonNode normalize(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove(VARYING);
            o.forEach(DocExamplesIT::strip);
        } else if (node instanceof ArrayNode a) {
            a.forEach(DocExamplesIT::strip);
        }
    }

    /** The fenced code blocks of a Markdown text, as {info string, content} pairs, in order. */
    static final class MarkdownBlocks {
        private MarkdownBlocks() {
        }

        static List<String[]> fenced(String markdown) {
            List<String[]> out = new ArrayList<>();
            String[] lines = markdown.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith("```")) {
                    String info = lines[i].substring(3).strip();
                    StringBuilder content = new StringBuilder();
                    i++;
                    while (i < lines.length && !lines[i].startsWith("```")) {
                        content.append(lines[i]).append('\n');
                        i++;
                    }
                    out.add(new String[] {info, content.toString()});
                }
            }
            return out;
        }
    }
}
