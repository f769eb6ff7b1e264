package io.kalamdb.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory of a local server process, for per-subscription and per-row figures: heap in use after a full
 * collection ({@code jcmd <pid> GC.run}, then {@code GC.heap_info}) and the resident set size ({@code VmRSS} of
 * {@code /proc/<pid>/status}).
 */
public final class ServerMemory {
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final long pid;

    /** @param pid the server's process id */
    public ServerMemory(long pid) {
        this.pid = pid;
    }

    /**
     * @return the one local Liberty server process ({@code ws-server.jar})
     * @throws IllegalStateException if there is none or more than one
     */
    public static ServerMemory ofLocalLiberty() {
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("ws-server.jar")).orElse(false)).toList();
        if (servers.size() != 1) {
            throw new IllegalStateException("found " + servers.size() + " Liberty servers; pass --server-pid");
        }
        return new ServerMemory(servers.get(0).pid());
    }

    /**
     * @return the heap in use after a full collection, bytes
     * @throws IOException if {@code jcmd} fails or prints no figure
     */
    public long heapUsedAfterGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!m.find()) {
            throw new IOException("jcmd GC.heap_info printed no 'used' figure");
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    /**
     * @return the resident set size, bytes
     * @throws IOException if {@code /proc/<pid>/status} cannot be read
     */
    public long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("No VmRSS for process " + pid);
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("jcmd " + command + " failed: " + out);
        }
        return out;
    }
}
