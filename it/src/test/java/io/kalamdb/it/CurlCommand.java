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
        List<String> args = words(command.replace("\\\n", " "), token);
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

    private static List<String> words(String s, String token) {
        List<String> out = new ArrayList<>();
        StringBuilder word = null;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    out.add(word.toString());
                    word = null;
                }
                i++;
                continue;
            }
            word = word == null ? new StringBuilder() : word;
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                word.append(s, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && "\"\\$".indexOf(s.charAt(i + 1)) >= 0) {
                        word.append(s.charAt(i + 1));
                        i += 2;
                    } else if (s.startsWith("$TOKEN", i)) {
                        word.append(token);
                        i += "$TOKEN".length();
                    } else {
                        word.append(s.charAt(i++));
                    }
                }
                i++;
            } else if (c == '\\') {
                word.append(s.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        if (word != null) {
            out.add(word.toString());
        }
        return out;
    }
}
