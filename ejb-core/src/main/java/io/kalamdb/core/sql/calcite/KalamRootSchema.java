package io.kalamdb.core.sql.calcite;

import io.kalamdb.core.auth.AccessPolicy;
import io.kalamdb.core.catalog.Catalog;
import io.kalamdb.core.catalog.NamespaceRecord;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.NamespaceId;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.TableName;
import io.kalamdb.core.system.SystemView;
import io.kalamdb.core.system.SystemViews;
import io.kalamdb.core.table.TableStores;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.util.BuiltInMethod;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.CompatibilityLookup;
import org.apache.calcite.schema.lookup.Lookup;

/**
 * The root of what Calcite sees: one sub-schema per namespace (live from the {@link Catalog}) plus
 * {@code system} and {@code information_schema} with the {@link SystemViews}. Table views are cached per
 * definition, so a schema change gives a new Calcite table.
 */
public final class KalamRootSchema extends AbstractSchema {
    private final Catalog catalog;
    private final TableStores tables;
    private final SystemViews systemViews;
    private final AccessPolicy policy;
    private final Map<TableId, KalamTable> tableCache = new ConcurrentHashMap<>();

    /** Creates the root over the engine's catalog, table stores and views. */
    public KalamRootSchema(Catalog catalog, TableStores tables, SystemViews systemViews, AccessPolicy policy) {
        this.catalog = catalog;
        this.tables = tables;
        this.systemViews = systemViews;
        this.policy = policy;
    }

    @Override
    public Lookup<? extends Schema> subSchemas() {
        return new CompatibilityLookup<>(this::namespace, this::namespaceNames);
    }

    /** The root is reached from the execution context: {@code root.getRootSchema()}. */
    @Override
    public Expression getExpression(SchemaPlus parentSchema, String name) {
        return Expressions.call(DataContext.ROOT, BuiltInMethod.DATA_CONTEXT_GET_ROOT_SCHEMA.method);
    }

    @Override
    public Lookup<Table> tables() {
        return Lookup.empty();
    }

    private Schema namespace(String name) {
        NamespaceId ns;
        try {
            ns = new NamespaceId(name);
        } catch (KalamException e) {
            return null;
        }
        if (ns.isReserved()) {
            return new NamespaceSchema(t -> systemTable(ns, t), () -> viewNames(ns));
        }
        if (catalog.namespace(ns).isEmpty()) {
            return null;
        }
        return new NamespaceSchema(t -> userTable(ns, t), () -> tableNames(ns));
    }

    private Set<String> namespaceNames() {
        Set<String> names = new TreeSet<>();
        for (NamespaceRecord ns : catalog.namespaces()) {
            names.add(ns.id().value());
        }
        names.add(NamespaceId.SYSTEM.value());
        names.add(NamespaceId.INFORMATION_SCHEMA.value());
        return names;
    }

    private Table userTable(NamespaceId ns, String name) {
        TableId id;
        try {
            id = new TableId(ns, new TableName(name));
        } catch (KalamException e) {
            return null;
        }
        TableDefinition def = catalog.table(id).orElse(null);
        if (def == null) {
            tableCache.remove(id);
            return null;
        }
        KalamTable cached = tableCache.get(id);
        if (cached == null || cached.definition() != def) {
            cached = new KalamTable(def, tables.forTable(def), policy);
            tableCache.put(id, cached);
        }
        return cached;
    }

    private Set<String> tableNames(NamespaceId ns) {
        Set<String> names = new TreeSet<>();
        catalog.tablesIn(ns).forEach(t -> names.add(t.id().name().value()));
        return names;
    }

    private Table systemTable(NamespaceId ns, String name) {
        try {
            return systemViews.view(new TableId(ns, new TableName(name)))
                    .map(v -> (Table) new SystemViewTable(v, policy)).orElse(null);
        } catch (KalamException e) {
            return null;
        }
    }

    private Set<String> viewNames(NamespaceId ns) {
        Set<String> names = new TreeSet<>();
        for (SystemView v : systemViews.viewsIn(ns)) {
            names.add(v.definition().id().name().value());
        }
        return names;
    }
}
