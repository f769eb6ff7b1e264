/**
 * Jobs (DESIGN.md §1, §7): {@link io.kalamdb.core.jobs.JobManager} records each job in the {@code system_jobs}
 * column family ({@code system.jobs}), hands it to a {@link io.kalamdb.core.jobs.JobLauncher} (Jakarta Batch on
 * the server, {@link io.kalamdb.core.jobs.InlineJobLauncher} in tests) and runs the
 * {@link io.kalamdb.core.jobs.JobWork} registered for its {@link io.kalamdb.core.jobs.JobType} when the launcher
 * calls back. The works of the job tables' own housekeeping live here ({@code job-cleanup},
 * {@code user-cleanup}); works over table rows live with the tables ({@code table.StreamEvictionJob}). No Batch
 * API types here.
 */
package io.kalamdb.core.jobs;
