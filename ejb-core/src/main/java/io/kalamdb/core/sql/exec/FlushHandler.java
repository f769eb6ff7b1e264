package io.kalamdb.core.sql.exec;

import io.kalamdb.core.catalog.Catalog;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableType;
import io.kalamdb.core.sql.parser.ast.SqlFlushTable;
import java.util.Optional;

/**
 * FLUSH TABLE (and STORAGE FLUSH TABLE): the checks that hold whatever flushing does. A STREAM table is never
 * flushed to Parquet — its events live only in the hot store until their TTL (DESIGN.md §1) — so flushing one
 * is refused as an invalid statement.
 */
public final class FlushHandler {
    private final Catalog catalog;
    private final TableResolver resolver;

    /**
     * @param catalog  where table definitions live
     * @param resolver resolves the statement's table name against the session's namespace
     */
    public FlushHandler(Catalog catalog, TableResolver resolver) {
        this.catalog = catalog;
        this.resolver = resolver;
    }

    /**
     * Refuses a FLUSH TABLE that can never run. Names that resolve to no table pass: what happens to them
     * is the caller's decision.
     *
     * @throws KalamException INVALID_SQL if the table is a STREAM table
     */
    public void checkFlushable(SqlFlushTable stmt, StatementContext ctx) {
        Optional<TableDefinition> def = table(stmt, ctx);
        if (def.isPresent() && def.get().type() == TableType.STREAM) {
            throw KalamException.invalidSql("Cannot flush " + def.get().id() + ": STREAM tables are never flushed;"
                    + " their events stay in the hot store until TTL_SECONDS expires them");
        }
    }

    private Optional<TableDefinition> table(SqlFlushTable stmt, StatementContext ctx) {
        try {
            return catalog.table(resolver.id(stmt.getTableName(), ctx.session().namespace()));
        } catch (KalamException e) {
            return Optional.empty();
        }
    }
}
