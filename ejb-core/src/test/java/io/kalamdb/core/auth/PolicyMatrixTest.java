package io.kalamdb.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.sql.SqlSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every cell of the access policy (docs/security.md) as SQL on a real engine: role × table kind × statement,
 * each either allowed or refused with PERMISSION_DENIED — and a refused write leaves every table unchanged.
 */
class PolicyMatrixTest {
    @TempDir
    static Path dir;
    static EngineFixture db;
    static final SqlSession ROOT = EngineFixture.root();
    static final List<Role> ROLES = List.of(Role.USER, Role.SERVICE, Role.DBA, Role.SYSTEM);
    /** Table kinds: name in namespace app, and how it is created. */
    static final List<String[]> KINDS = List.of(
            new String[] {"u", "CREATE USER TABLE app.u (id BIGINT PRIMARY KEY, v TEXT)"},
            new String[] {"s", "CREATE STREAM TABLE app.s (id BIGINT PRIMARY KEY, v TEXT) WITH (TTL_SECONDS = 3600)"},
            new String[] {"pub", "CREATE SHARED TABLE app.pub (id BIGINT PRIMARY KEY, v TEXT) WITH (ACCESS_LEVEL = 'public')"},
            new String[] {"priv", "CREATE SHARED TABLE app.priv (id BIGINT PRIMARY KEY, v TEXT) WITH (ACCESS_LEVEL = 'private')"},
            new String[] {"restr", "CREATE SHARED TABLE app.restr (id BIGINT PRIMARY KEY, v TEXT) WITH (ACCESS_LEVEL = 'restricted')"},
            new String[] {"adm", "CREATE SHARED TABLE app.adm (id BIGINT PRIMARY KEY, v TEXT) WITH (ACCESS_LEVEL = 'dba')"});

    @BeforeAll
    static void setUp() {
        db = new EngineFixture(dir);
        db.run(ROOT, "CREATE NAMESPACE app");
        for (String[] kind : KINDS) {
            db.run(ROOT, kind[1]);
            db.run(ROOT, "INSERT INTO app." + kind[0] + " VALUES (1, 'seed')");
        }
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    /** The documented matrix: may {@code role} run {@code statement} on table kind {@code table}? */
    static boolean expected(Role role, String table, String statement) {
        boolean read = statement.equals("select");
        boolean ddl = statement.equals("alter") || statement.equals("flush");
        if (ddl) {
            return role.atLeast(Role.DBA) && !(statement.equals("flush") && table.equals("s"));
        }
        return switch (table) {
            case "u", "s" -> true;
            case "pub" -> read || role.atLeast(Role.SERVICE);
            case "priv", "restr" -> role.atLeast(Role.SERVICE);
            case "adm" -> role.atLeast(Role.DBA);
            default -> throw new IllegalArgumentException(table);
        };
    }

    static String sql(String table, String statement, int id) {
        return switch (statement) {
            case "select" -> "SELECT v FROM app." + table + " WHERE id = 1";
            case "insert" -> "INSERT INTO app." + table + " (id, v) VALUES (" + id + ", 'x')";
            case "update" -> "UPDATE app." + table + " SET v = 'y' WHERE id = " + id;
            case "delete" -> "DELETE FROM app." + table + " WHERE id = " + id;
            case "alter" -> "ALTER TABLE app." + table + " ADD COLUMN c" + id + " TEXT";
            case "flush" -> "FLUSH TABLE app." + table;
            default -> throw new IllegalArgumentException(statement);
        };
    }

    /** @return every SHARED table's rows as root sees them, for "nothing changed" checks */
    static String sharedState() {
        StringBuilder out = new StringBuilder();
        for (String t : List.of("pub", "priv", "restr", "adm")) {
            out.append(t).append(db.rows(ROOT, "SELECT * FROM app." + t + " ORDER BY id")).append('\n');
        }
        return out.toString();
    }

    @Test
    void everyCellOfTheMatrixIsEnforced() {
        List<String> mismatches = new ArrayList<>();
        int id = 100;
        int cells = 0;
        for (Role role : ROLES) {
            SqlSession who = EngineFixture.as("as_" + role.wireName(), role);
            for (String[] kind : KINDS) {
                String table = kind[0];
                for (String statement : List.of("select", "insert", "update", "delete", "alter", "flush")) {
                    if (table.equals("s") && statement.equals("update")) {
                        continue;
                    }
                    cells++;
                    id++;
                    String sql = sql(table, statement, id);
                    String before = sharedState();
                    boolean allowed;
                    try {
                        db.run(who, sql);
                        allowed = true;
                    } catch (KalamException e) {
                        if (e.code() != ErrorCode.PERMISSION_DENIED && !(table.equals("s") && statement.equals("flush"))) {
                            mismatches.add(role + " " + sql + " failed with " + e.code() + ": " + e.getMessage());
                            continue;
                        }
                        allowed = false;
                        if (!before.equals(sharedState())) {
                            mismatches.add(role + " " + sql + " was refused but changed data");
                        }
                    }
                    if (allowed != expected(role, table, statement)) {
                        mismatches.add(role + " " + sql + (allowed ? " was allowed" : " was refused"));
                    }
                }
            }
        }
        assertEquals(4 * (6 * 6 - 1), cells);
        assertEquals(List.of(), mismatches);
    }

    @Test
    void systemViewsAreReadOnlyAndDbaOnly() {
        for (Role role : ROLES) {
            SqlSession who = EngineFixture.as("sys_" + role.wireName(), role);
            boolean read;
            try {
                db.run(who, "SELECT user_id FROM system.users");
                read = true;
            } catch (KalamException e) {
                assertEquals(ErrorCode.PERMISSION_DENIED, e.code());
                read = false;
            }
            assertEquals(role.atLeast(Role.DBA), read, role + " reading system.users");
            assertEquals(ErrorCode.PERMISSION_DENIED, db.fails(ErrorCode.PERMISSION_DENIED, who,
                    "DELETE FROM system.jobs WHERE job_id = 'x'").code());
        }
    }

    @Test
    void userPartitionsAreIsolatedForEveryRole() {
        db.run(EngineFixture.as("alice", Role.USER), "INSERT INTO app.u VALUES (7, 'alice only')");
        for (Role role : ROLES) {
            SqlSession other = EngineFixture.as("other_" + role.wireName(), role);
            assertEquals(List.of(), db.column(other, "SELECT v FROM app.u WHERE id = 7"), role.toString());
            assertEquals(0, db.run(other, "UPDATE app.u SET v = 'stolen' WHERE id = 7").rowCount());
            assertEquals(0, db.run(other, "DELETE FROM app.u WHERE id = 7").rowCount());
        }
        assertEquals(List.of("alice only"), db.column(EngineFixture.as("alice", Role.USER),
                "SELECT v FROM app.u WHERE id = 7"));
    }
}
