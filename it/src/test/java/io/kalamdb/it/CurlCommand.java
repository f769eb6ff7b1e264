package io.kalamdb.it;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A documented {@code curl} command, parsed the way a POSIX shell would split it (single quotes, double
 * quotes with {@code $TOKEN} expansion, backslash-newline continuations), so tests can replay it against
 * the integration-test server.
 *
 * @param method  GET, or POST when {@code -d} is given (or {@code -X})
 * @param path    the URL's path
 * @param headers header names and values, alternating
 * @param body    the {@code -d} body, or null
 */
record CurlCommand(String method, String path, List<String> headers, String body) {

    /**
     * @param command the shell text
     * @param token   the value of {@code $TOKEN}
     * @throws IllegalArgumentException for shell syntax this parser does not support
     */
    static CurlCommand parse(String command, String token) {
        List<String> args = ShellWords.split(command.replace("\\\n", " "), token);
        if (args.isEmpty() || !args.get(0).equals("curl")) {
            throw new IllegalArgumentException("not a curl command: " + command);
        }
        String method = null;
        String url = null;
        String body = null;
        List<String> headers = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-s" -> { }
                case "-X" -> method = args.get(++i);
                case "-d" -> body = args.get(++i);
                case "-H" -> {
                    String h = args.get(++i);
                    int colon = h.indexOf(':');
                    headers.add(h.substring(0, colon).strip());
                    headers.add(h.substring(colon + 1).strip());
                }
                default -> {
                    if (!a.startsWith("http")) {
                        throw new IllegalArgumentException("unsupported curl argument " + a);
                    }
                    url = a;
                }
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("no URL in " + command);
        }
        return new CurlCommand(method != null ? method : body != null ? "POST" : "GET", URI.create(url).getPath(),
                headers, body);
    }

    /** Sends the command to the client's server. */
    KalamClient.Response send(KalamClient client) {
        String[] h = headers.toArray(String[]::new);
        return method.equals("GET") ? client.get(path, h) : client.postJson(path, body != null ? body : "", h);
    }
}
