package io.kalamdb.core.audit;

/**
 * What an {@link AuditEntry} records. The wire names (the {@code action} column of {@code system.audit_log})
 * are stable lower-case strings: queries and alerting rules may depend on them, so they never change.
 */
public enum AuditAction {
    /** A successful password login. */
    LOGIN("login"),
    /** A refused login: unknown or deleted user, missing or wrong password. */
    LOGIN_FAILED("login_failed"),
    /** A logout: the presented access and refresh tokens were revoked. */
    LOGOUT("logout"),
    /**
     * First-run setup ({@code POST /v1/api/auth/setup}): root's password was set and the DBA user named by the
     * target (and subject) created, in one atomic write.
     */
    SERVER_SETUP("server_setup"),
    /** {@code CREATE USER}. */
    CREATE_USER("create_user"),
    /** {@code ALTER USER … SET PASSWORD | ROLE | EMAIL}. */
    ALTER_USER("alter_user"),
    /** {@code DROP USER}. */
    DROP_USER("drop_user"),
    /** {@code CREATE [USER|SHARED|STREAM] TABLE}. */
    CREATE_TABLE("create_table"),
    /** {@code ALTER TABLE}. */
    ALTER_TABLE("alter_table"),
    /** {@code DROP [USER|SHARED|STREAM] TABLE}. */
    DROP_TABLE("drop_table"),
    /** {@code CREATE NAMESPACE}. */
    CREATE_NAMESPACE("create_namespace"),
    /** {@code DROP NAMESPACE}. */
    DROP_NAMESPACE("drop_namespace"),
    /** {@code CREATE STORAGE}. */
    CREATE_STORAGE("create_storage"),
    /** {@code ALTER STORAGE}. */
    ALTER_STORAGE("alter_storage"),
    /** {@code DROP STORAGE}. */
    DROP_STORAGE("drop_storage"),
    /** {@code KILL JOB}. */
    KILL_JOB("kill_job"),
    /** {@code KILL LIVE QUERY}. */
    KILL_LIVE_QUERY("kill_live_query"),
    /** {@code EXECUTE AS USER}, allowed or refused (details say which). */
    EXECUTE_AS("execute_as");

    private final String wireName;

    AuditAction(String wireName) {
        this.wireName = wireName;
    }

    /** @return the stable lower-case name stored and shown in {@code system.audit_log}, e.g. {@code login_failed} */
    public String wireName() {
        return wireName;
    }

    /**
     * @param wireName a name as returned by {@link #wireName()}
     * @return the action
     * @throws IllegalArgumentException if no action has that name
     */
    public static AuditAction fromWireName(String wireName) {
        for (AuditAction a : values()) {
            if (a.wireName.equals(wireName)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown audit action: " + wireName);
    }
}
