package io.kalamdb.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kalamdb.core.auth.AccessPolicy;
import io.kalamdb.core.auth.UserRepository;
import io.kalamdb.core.catalog.Catalog;
import io.kalamdb.core.model.*;
import io.kalamdb.core.sql.calcite.KalamRootSchema;
import io.kalamdb.core.sql.calcite.QueryPlanner;
import io.kalamdb.core.sql.exec.*;
import io.kalamdb.core.store.*;
import io.kalamdb.core.system.SystemViews;
import io.kalamdb.core.table.TableStores;
import java.nio.file.Path;
import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.*;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalciteSmokeTest {
    @TempDir Path dir;

    static SqlNode parse(String sql) throws Exception {
        return SqlParser.create(sql, SqlParser.config().withQuoting(Quoting.DOUBLE_QUOTE)
                .withUnquotedCasing(Casing.TO_LOWER).withQuotedCasing(Casing.UNCHANGED).withCaseSensitive(true)
                .withConformance(SqlConformanceEnum.LENIENT)).parseStmt();
    }

    @Test
    void smoke() throws Exception {
        try (KalamStore store = KalamStore.open(dir, Durability.RELAXED)) {
            Catalog catalog = new Catalog(store);
            TableStores tables = new TableStores(store, new SnowflakeIdGenerator(1));
            AccessPolicy policy = new AccessPolicy();
            SystemViews views = new SystemViews(catalog, new UserRepository(store), List::of, List::of, List::of,
                    List::of, List::of);
            QueryPlanner planner = new QueryPlanner(catalog, new KalamRootSchema(catalog, tables, views, policy));
            catalog.createNamespace(new NamespaceId("app"), 1);
            TableDefinition def = new TableDefinition(TableId.of("app", "notes"), TableType.USER,
                    List.of(new ColumnDefinition(0, "id", 1, KalamDataType.BIGINT, false, true, ColumnDefault.NONE, null),
                            new ColumnDefinition(1, "body", 2, KalamDataType.TEXT, true, false, ColumnDefault.NONE, null),
                            new ColumnDefinition(2, "at", 3, KalamDataType.TIMESTAMP, true, false, ColumnDefault.of("NOW()"), null)),
                    TableOptions.defaults(TableType.USER), 1, 3, 1, 1);
            catalog.putTable(def);
            tables.create(def);
            TableResolver resolver = new TableResolver(catalog, views);
            ExpressionEvaluator ev = new ExpressionEvaluator((n, c) -> { throw new IllegalStateException("" + n); });
            InsertHandler insert = new InsertHandler(resolver, policy, tables, ev, planner, s -> {
                try { return SqlParser.create(s).parseExpression(); } catch (Exception e) { throw new RuntimeException(e); } });
            SqlSession alice = new SqlSession(new UserId("alice"), Role.USER, new NamespaceId("app"));
            SqlSession bob = new SqlSession(new UserId("bob"), Role.USER, new NamespaceId("app"));
            String ins = "INSERT INTO notes (id, body) VALUES (1, 'a1'), (2, 'a2')";
            StatementResult r = insert.execute((SqlInsert) parse(ins), null, new StatementContext(alice, ins, List.of()));
            assertEquals(2, r.rowCount());
            String ins2 = "INSERT INTO app.notes (id, body) VALUES (?, ?)";
            insert.execute((SqlInsert) parse(ins2), null, new StatementContext(bob, ins2, List.of(1L, "b1")));
            QueryHandler q = new QueryHandler(planner);
            String sel = "SELECT * FROM notes ORDER BY id DESC";
            StatementResult rows = q.execute(parse(sel), new StatementContext(alice, sel, List.of()));
            assertEquals(List.of("id", "body", "at"), rows.schema().stream().map(ResultColumn::name).toList());
            assertEquals(2, rows.rows().size());
            assertEquals(2L, rows.rows().get(0)[0]);
            rows = q.execute(parse(sel), new StatementContext(bob, sel, List.of()));
            assertEquals(1, rows.rows().size());
            assertEquals("b1", rows.rows().get(0)[1]);
            String cnt = "SELECT COUNT(*) AS n, SNOWFLAKE_ID() AS s, _seq FROM notes WHERE id = $1 GROUP BY _seq";
            String c2 = cnt.replace("$1", "?");
            rows = q.execute(parse(c2), new StatementContext(alice, c2, List.of(2L)));
            assertEquals(1L, rows.rows().get(0)[0]);
            String up = "UPDATE notes SET body = body || '!' WHERE id = 1";
            new UpdateHandler(resolver, policy, tables, planner).execute((SqlUpdate) parse(up), new StatementContext(alice, up, List.of()));
            String del = "DELETE FROM notes WHERE id = 2";
            new DeleteHandler(resolver, policy, tables, planner).execute((SqlDelete) parse(del), new StatementContext(alice, del, List.of()));
            rows = q.execute(parse(sel), new StatementContext(alice, sel, List.of()));
            assertEquals(1, rows.rows().size());
            assertEquals("a1!", rows.rows().get(0)[1]);
        }
    }
}
