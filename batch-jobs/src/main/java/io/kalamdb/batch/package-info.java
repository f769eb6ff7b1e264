/**
 * Jakarta Batch artifacts of KalamDB: flush, retention, stream TTL eviction, job-history cleanup, user
 * cleanup, backup and restore (DESIGN.md §1). Job XML lives in {@code META-INF/batch-jobs/}; batch
 * artifacts are {@code @Named @Dependent} CDI beans named {@code *Batchlet} or {@code *Job} that delegate
 * to the engine in {@code ejb-core}. {@code system.jobs} in RocksDB, not the in-memory Liberty job
 * repository, is the record of truth for job state.
 */
package io.kalamdb.batch;
