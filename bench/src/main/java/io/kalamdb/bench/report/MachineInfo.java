package io.kalamdb.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine a run measured on, as stated with every figure.
 *
 * @param cpu         the CPU model ({@code /proc/cpuinfo})
 * @param cores       processors available to the JVM
 * @param memoryBytes total memory ({@code /proc/meminfo}), bytes
 * @param os          operating system name and version
 * @param java        the harness's Java runtime version
 * @param loadAverage the 1-minute load average when the run started
 */
public record MachineInfo(String cpu, int cores, long memoryBytes, String os, String java, double loadAverage) {
    /** @return the facts of this machine, read now */
    public static MachineInfo current() {
        return new MachineInfo(procField("/proc/cpuinfo", "model name"), Runtime.getRuntime().availableProcessors(),
                parseKb(procField("/proc/meminfo", "MemTotal")) * 1024,
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + Runtime.version(), currentLoadAverage());
    }

    private static String procField(String file, String field) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(field)) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }

    private static long parseKb(String value) {
        String digits = value.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }

    private static double currentLoadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
