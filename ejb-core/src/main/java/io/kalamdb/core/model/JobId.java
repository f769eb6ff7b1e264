package io.kalamdb.core.model;

import java.util.Objects;

/**
 * A job id as shown in {@code system.jobs.job_id} and named by {@code KILL JOB 'id'}: a two-letter prefix for the
 * job type, a dash and a decimal Snowflake id ({@code SE-311487529436729344}). The Snowflake part (41-bit epoch
 * milliseconds, 10-bit node id, 12-bit sequence; see {@code SnowflakeIdGenerator}) makes ids unique on a node
 * and sortable by creation time within a job type. Ids are opaque to clients: any non-blank text up to 64
 * characters is accepted here, and one that names no job is simply not found.
 */
public record JobId(String value) implements Comparable<JobId> {
    /** @throws KalamException INVALID_PARAMETER if blank or longer than 64 characters */
    public JobId {
        Objects.requireNonNull(value, "job id");
        if (value.isBlank() || value.length() > 64) {
            throw new KalamException(ErrorCode.INVALID_PARAMETER, "Invalid job id: 1-64 characters expected");
        }
    }

    @Override
    public int compareTo(JobId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
