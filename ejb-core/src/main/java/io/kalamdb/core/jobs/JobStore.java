package io.kalamdb.core.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.JobId;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.Partition;
import io.kalamdb.core.store.RangeScan;
import io.kalamdb.core.store.StoreBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Job records in the {@code system_jobs} column family: key the job id (UTF-8), value a JSON object with the
 * {@code system.jobs} column names. Every write commits on its own, durably per the store's tier. Callers
 * serialise writes ({@link JobManager} holds its lock).
 */
final class JobStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KalamStore store;
    private final Partition jobs;

    JobStore(KalamStore store) {
        this.store = store;
        this.jobs = store.partition(KalamStore.SYSTEM_JOBS);
    }

    /** Creates or replaces a job record. */
    void save(JobRecord job) {
        store.commit(store.newBatch().put(jobs, key(job.id()), encode(job)));
    }

    /** @return the stored job, if any */
    Optional<JobRecord> find(JobId id) {
        byte[] value = store.get(jobs, key(id));
        return value == null ? Optional.empty() : Optional.of(decode(value));
    }

    /** @return every stored job, in key (job id) order */
    List<JobRecord> all() {
        List<JobRecord> out = new ArrayList<>();
        try (RangeScan scan = store.scan(jobs, null, null, null)) {
            scan.forEachRemaining(kv -> out.add(decode(kv.value())));
        }
        return out;
    }

    /** Deletes the records of {@code ids} in one atomic batch. */
    void deleteAll(Collection<JobId> ids) {
        StoreBatch batch = store.newBatch();
        ids.forEach(id -> batch.delete(jobs, key(id)));
        store.commit(batch);
    }

    private static byte[] key(JobId id) {
        return id.value().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encode(JobRecord j) {
        ObjectNode n = JSON.createObjectNode();
        n.put("job_id", j.id().value());
        n.put("job_type", j.type().wireName());
        n.put("status", j.status().wireName());
        n.put("namespace_id", j.table() == null ? null : j.table().namespace().value());
        n.put("table_name", j.table() == null ? null : j.table().name().value());
        ObjectNode params = n.putObject("parameters");
        j.parameters().forEach(params::put);
        n.put("idempotency_key", j.idempotencyKey());
        n.put("message", j.message());
        n.put("exception_trace", j.exceptionTrace());
        n.put("progress", j.progress());
        n.put("created_at", j.createdAt());
        n.put("started_at", j.startedAt());
        n.put("finished_at", j.finishedAt());
        n.put("node_id", j.nodeId());
        n.put("memory_used", j.memoryUsed());
        n.put("cpu_used", j.cpuUsed());
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Cannot encode job " + j.id(), e);
        }
    }

    private static JobRecord decode(byte[] bytes) {
        try {
            JsonNode n = JSON.readTree(bytes);
            String ns = n.path("namespace_id").textValue();
            Map<String, String> params = new LinkedHashMap<>();
            n.path("parameters").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            return new JobRecord(new JobId(n.get("job_id").asText()), JobType.parse(n.get("job_type").asText()),
                    JobStatus.parse(n.get("status").asText()), ns == null ? null : TableId.of(ns,
                    n.path("table_name").textValue()), params, n.path("idempotency_key").textValue(),
                    n.path("message").textValue(), n.path("exception_trace").textValue(), n.path("progress").asDouble(),
                    n.get("created_at").asLong(), optLong(n, "started_at"), optLong(n, "finished_at"),
                    n.path("node_id").textValue(), optLong(n, "memory_used"), optLong(n, "cpu_used"));
        } catch (IOException e) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Corrupt job record", e);
        }
    }

    /** @return the field's number, or null when it is null or absent */
    private static Long optLong(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNumber() ? v.asLong() : null;
    }
}
