package io.kalamdb.core.audit;

import io.kalamdb.core.model.UserId;

/**
 * One row of {@code system.audit_log}. Never holds a password, token or storage credential.
 *
 * @param auditId         a Snowflake id (time-ordered, unique per node); the entry's key
 * @param timestampMillis when it happened, epoch milliseconds
 * @param actor           who did it (the session user), or null when unknown (a failed login)
 * @param action          what was done
 * @param target          what it was done to: a user id, {@code namespace.table}, a namespace, storage, job or
 *                        live-query id
 * @param details         a short JSON object with secret-free specifics (e.g. {@code {"role":"dba"}}), or null
 * @param ipAddress       the client's address, or null when unknown (statements run on the engine directly)
 * @param subject         the user the action concerns (user changes, logins), or null
 */
public record AuditEntry(long auditId, long timestampMillis, UserId actor, AuditAction action, String target,
                         String details, String ipAddress, UserId subject) {
}
