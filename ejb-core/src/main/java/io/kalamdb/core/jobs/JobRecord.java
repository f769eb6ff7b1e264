package io.kalamdb.core.jobs;

import io.kalamdb.core.model.JobId;
import io.kalamdb.core.model.TableId;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One job as stored in the {@code system_jobs} column family and shown in {@code system.jobs} (DESIGN.md §7).
 * Immutable; each state change is a new record.
 *
 * @param id             the job id ({@link JobId}: type prefix and Snowflake id)
 * @param type           what the job does
 * @param status         where it is in its life cycle
 * @param table          the table it works on, or null for jobs over the whole server
 * @param parameters     type-specific settings (e.g. {@code retention_days}), shown as a JSON object; sorted
 * @param idempotencyKey at most one active (new, queued or running) job has this key: submitting again
 *                       returns that job; null for none
 * @param message        what the job did (completed), why it failed, was cancelled or skipped; null before
 * @param exceptionTrace the stack trace of the error that failed it, or null
 * @param progress       0.0 to 1.0 as reported by the work; 1.0 once completed
 * @param createdAt      when it was submitted, epoch milliseconds
 * @param startedAt      when it started running, epoch milliseconds, or null
 * @param finishedAt     when it reached a final status, epoch milliseconds, or null
 * @param nodeId         the node that ran it (the {@code kalamdb.node.id}), or null before it ran
 * @param memoryUsed     bytes of heap allocated by the thread that ran it, or null (not run, or not measurable on
 *                       this JVM)
 * @param cpuUsed        CPU time of the thread that ran it, microseconds, or null (not run, or not measurable)
 */
public record JobRecord(JobId id, JobType type, JobStatus status, TableId table, Map<String, String> parameters,
                        String idempotencyKey, String message, String exceptionTrace, double progress, long createdAt,
                        Long startedAt, Long finishedAt, String nodeId, Long memoryUsed, Long cpuUsed) {
    /** Requires id, type and status; copies the parameters (sorted by name). */
    public JobRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
    }

    /**
     * @param name         a parameter name, e.g. {@code retention_days}
     * @param defaultValue the value when the parameter is absent
     * @return the parameter as a whole number ≥ 0 (counts, days, seconds)
     * @throws IllegalArgumentException if it is present but not a whole number ≥ 0 (a work throwing this fails
     *                                  its job with this message)
     */
    public long countParameter(String name, long defaultValue) {
        String text = parameters.get(name);
        if (text == null) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 0) {
            throw new IllegalArgumentException("Parameter " + name + " must be a whole number of at least 0: '" + text
                    + "'");
        }
        return value;
    }

    /** @return a new job: status new, nothing run yet */
    static JobRecord created(JobId id, JobType type, TableId table, Map<String, String> parameters,
                             String idempotencyKey, long now) {
        return new JobRecord(id, type, JobStatus.NEW, table, parameters, idempotencyKey, null, null, 0.0, now, null,
                null, null, null, null);
    }

    /** @return this job with another status and nothing else changed */
    JobRecord withStatus(JobStatus newStatus) {
        return new JobRecord(id, type, newStatus, table, parameters, idempotencyKey, message, exceptionTrace, progress,
                createdAt, startedAt, finishedAt, nodeId, memoryUsed, cpuUsed);
    }

    /** @return this job running since {@code now} on {@code node} */
    JobRecord running(long now, String node) {
        return new JobRecord(id, type, JobStatus.RUNNING, table, parameters, idempotencyKey, null, null, 0.0,
                createdAt, now, null, node, null, null);
    }

    /** @return this job with a progress fraction (running jobs report it in memory only) */
    JobRecord withProgress(double fraction) {
        return new JobRecord(id, type, status, table, parameters, idempotencyKey, message, exceptionTrace, fraction,
                createdAt, startedAt, finishedAt, nodeId, memoryUsed, cpuUsed);
    }

    /**
     * @return this job in a final status at {@code now}, with its message, trace and resource use (null when it
     *         did not run)
     */
    JobRecord finished(JobStatus finalStatus, String finalMessage, String trace, long now, Long memory, Long cpu) {
        return new JobRecord(id, type, finalStatus, table, parameters, idempotencyKey, finalMessage, trace,
                finalStatus == JobStatus.COMPLETED ? 1.0 : progress, createdAt, startedAt, now, nodeId, memory, cpu);
    }
}
