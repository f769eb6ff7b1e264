package io.kalamdb.core.sql.exec;

import io.kalamdb.core.auth.AccessPolicy;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.sql.ResultColumn;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.parser.ast.SqlAlterStorage;
import io.kalamdb.core.sql.parser.ast.SqlCreateStorage;
import io.kalamdb.core.sql.parser.ast.SqlDropStorage;
import io.kalamdb.core.storage.PathTemplate;
import io.kalamdb.core.storage.StorageDefinition;
import io.kalamdb.core.storage.StorageId;
import io.kalamdb.core.storage.StorageType;
import io.kalamdb.core.storage.Storages;
import io.kalamdb.core.system.SystemView;
import io.kalamdb.core.system.SystemViews;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * CREATE / ALTER / DROP STORAGE and SHOW STORAGES, for dba and system only. Omitted templates take the defaults
 * ({@value PathTemplate#DEFAULT_SHARED}, {@value PathTemplate#DEFAULT_USER}); an empty DESCRIPTION or
 * CREDENTIALS clears it. SHOW STORAGES returns the rows of {@code system.storages}, credentials masked.
 */
public final class StorageHandler {
    private static final List<String> SETTINGS = List.of("PATH", "SHARED_TABLES_TEMPLATE", "USER_TABLES_TEMPLATE",
            "DESCRIPTION", "CREDENTIALS");

    private final Storages storages;
    private final SystemViews views;
    private final AccessPolicy policy;

    /** Creates the handler. */
    public StorageHandler(Storages storages, SystemViews views, AccessPolicy policy) {
        this.storages = storages;
        this.views = views;
        this.policy = policy;
    }

    /**
     * @throws KalamException PERMISSION_DENIED below dba; INVALID_SQL for a bad id, a TYPE other than
     *                        {@code filesystem}, a bad template, PATH or CREDENTIALS; ALREADY_EXISTS
     */
    public StatementResult create(SqlCreateStorage stmt, StatementContext ctx) {
        policy.checkManageStorages(ctx.session().role());
        StorageId id = new StorageId(stmt.getStorageId());
        StorageType type = StorageType.parse(stmt.getStorageType());
        long now = ctx.startedAtMillis();
        storages.create(new StorageDefinition(id, type, stmt.getPath(),
                PathTemplate.parseShared(Objects.requireNonNullElse(stmt.getSharedTablesTemplate(),
                        PathTemplate.DEFAULT_SHARED)),
                PathTemplate.parseUser(Objects.requireNonNullElse(stmt.getUserTablesTemplate(),
                        PathTemplate.DEFAULT_USER)),
                emptyToNull(stmt.getDescription()), emptyToNull(stmt.getCredentials()), now, now));
        return StatementResult.message("Storage '" + id + "' created", 1, ctx.session().user());
    }

    /**
     * {@code ALTER STORAGE id SET key = 'value', …} with keys PATH, SHARED_TABLES_TEMPLATE, USER_TABLES_TEMPLATE,
     * DESCRIPTION and CREDENTIALS.
     *
     * @throws KalamException PERMISSION_DENIED below dba; NOT_FOUND; INVALID_SQL for another key (TYPE cannot
     *                        change) or a bad value; SQL_EXECUTION_ERROR when PATH or a template would change
     *                        while tables use the storage
     */
    public StatementResult alter(SqlAlterStorage stmt, StatementContext ctx) {
        policy.checkManageStorages(ctx.session().role());
        StorageId id = new StorageId(stmt.getStorageId());
        Map<String, String> settings = stmt.getSettings();
        for (String key : settings.keySet()) {
            if (key.equals("TYPE")) {
                throw KalamException.invalidSql("The type of a storage cannot be changed");
            }
            if (!SETTINGS.contains(key)) {
                throw KalamException.invalidSql("Unknown storage setting '" + key + "'; use "
                        + String.join(", ", SETTINGS));
            }
        }
        storages.alter(id, current -> new StorageDefinition(id, current.type(),
                settings.getOrDefault("PATH", current.basePath()),
                settings.containsKey("SHARED_TABLES_TEMPLATE")
                        ? PathTemplate.parseShared(settings.get("SHARED_TABLES_TEMPLATE"))
                        : current.sharedTablesTemplate(),
                settings.containsKey("USER_TABLES_TEMPLATE")
                        ? PathTemplate.parseUser(settings.get("USER_TABLES_TEMPLATE"))
                        : current.userTablesTemplate(),
                settings.containsKey("DESCRIPTION") ? emptyToNull(settings.get("DESCRIPTION")) : current.description(),
                settings.containsKey("CREDENTIALS") ? emptyToNull(settings.get("CREDENTIALS")) : current.credentials(),
                current.createdAt(), current.updatedAt()), ctx.startedAtMillis());
        return StatementResult.message("Storage '" + id + "' altered", 1, ctx.session().user());
    }

    /**
     * @throws KalamException PERMISSION_DENIED below dba; INVALID_SQL for {@code local}; NOT_FOUND unless IF EXISTS;
     *                        SQL_EXECUTION_ERROR naming up to ten tables while tables use it
     */
    public StatementResult drop(SqlDropStorage stmt, StatementContext ctx) {
        policy.checkManageStorages(ctx.session().role());
        StorageId id = new StorageId(stmt.getStorageId());
        if (!storages.drop(id)) {
            if (stmt.isIfExists()) {
                return StatementResult.message("Storage '" + id + "' does not exist", 0, ctx.session().user());
            }
            throw new KalamException(ErrorCode.NOT_FOUND, "Storage '" + id + "' does not exist");
        }
        return StatementResult.message("Storage '" + id + "' dropped", 1, ctx.session().user());
    }

    /**
     * @return the rows of {@code system.storages}: {@code local} first, then by id; credentials masked
     * @throws KalamException PERMISSION_DENIED below dba
     */
    public StatementResult show(StatementContext ctx) {
        policy.checkManageStorages(ctx.session().role());
        SystemView view = views.view(SystemViews.STORAGES).orElseThrow();
        List<ResultColumn> columns = view.definition().columns().stream().map(ResultColumn::of).toList();
        List<Object[]> rows = view.rows().get();
        return new StatementResult(columns, rows, rows.size(), null, ctx.session().user());
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
