package io.kalamdb.core.sql.calcite;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.kalamdb.core.catalog.Catalog;
import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.NamespaceId;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.sql.ResultColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.tools.Programs;

/**
 * Plans queries with Apache Calcite: validate (with {@link KalamValidator}), convert to relational algebra,
 * optimise with the Volcano planner into Enumerable operators, compile to a {@link Bindable}. Plans are
 * cached by SQL text, default namespace and catalog version (planning costs milliseconds, executing a
 * cached plan microseconds); a DDL change invalidates every plan by bumping the catalog version.
 */
public final class QueryPlanner {
    private static final int CACHE_SIZE = 2_000;

    private final Catalog catalog;
    private final SchemaPlus root;
    /**
     * Calcite's default type system, except that string values of different lengths meeting in a CASE,
     * COALESCE or UNION give VARCHAR rather than blank-padded CHAR ({@code 'cheap '}), as in PostgreSQL.
     */
    private static final RelDataTypeSystem TYPE_SYSTEM = new RelDataTypeSystemImpl() {
        @Override
        public boolean shouldConvertRaggedUnionTypesToVarying() {
            return true;
        }
    };

    private final JavaTypeFactory typeFactory = new JavaTypeFactoryImpl(TYPE_SYSTEM);
    private final SqlOperatorTable functions = SqlOperatorTables.chain(SqlStdOperatorTable.instance(),
            SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.POSTGRESQL), new KalamFunctions());
    private final Cache<PlanKey, PreparedQuery> cache = CacheBuilder.newBuilder().maximumSize(CACHE_SIZE).build();

    private record PlanKey(String sql, NamespaceId namespace, long catalogVersion) {
    }

    /**
     * @param catalog    for the version that keys the plan cache
     * @param rootSchema what queries see
     */
    public QueryPlanner(Catalog catalog, KalamRootSchema rootSchema) {
        this.catalog = catalog;
        this.root = CalciteSchema.createRootSchema(false, false, "", rootSchema).plus();
    }

    /**
     * Returns the cached plan for {@code cacheKey}, or plans {@code query} (a freshly parsed SELECT, set
     * operation or VALUES; it is consumed by validation) and caches it.
     *
     * @param cacheKey  the statement's SQL text
     * @param query     the parsed query
     * @param namespace where unqualified table names resolve
     * @return the compiled plan
     * @throws KalamException INVALID_SQL / TABLE_NOT_FOUND when validation fails, with the position
     */
    public PreparedQuery prepare(String cacheKey, SqlNode query, NamespaceId namespace) {
        PlanKey key = new PlanKey(cacheKey, namespace, catalog.version());
        try {
            return cache.get(key, () -> plan(query, namespace));
        } catch (ExecutionException | com.google.common.util.concurrent.UncheckedExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof KalamException k) {
                throw k;
            }
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Planning failed: " + cause, cause);
        }
    }

    /** Drops every cached plan ({@code CLEAR CACHE}). */
    public void clear() {
        cache.invalidateAll();
    }

    /** @return the number of cached plans */
    public long cachedPlans() {
        return cache.size();
    }

    /**
     * Validates a query and converts it to unoptimised relational algebra, without compiling or caching it
     * (live queries inspect the tree and compile its expressions themselves).
     *
     * @param query     the parsed query (consumed by validation)
     * @param namespace where unqualified table names resolve
     * @return the logical plan, its result columns and the builder its expressions were made with
     * @throws KalamException INVALID_SQL / TABLE_NOT_FOUND when validation fails, with the position
     */
    public LogicalQuery toLogical(SqlNode query, NamespaceId namespace) {
        VolcanoPlanner planner = new VolcanoPlanner();
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        RelOptCluster cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
        return convert(query, namespace, cluster);
    }

    private LogicalQuery convert(SqlNode query, NamespaceId namespace, RelOptCluster cluster) {
        Properties props = new Properties();
        props.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
        CalciteCatalogReader reader = new CalciteCatalogReader(CalciteSchema.from(root), List.of(namespace.value()),
                typeFactory, new CalciteConnectionConfigImpl(props));
        SqlValidator validator = new KalamValidator(SqlOperatorTables.chain(functions, reader), reader, typeFactory,
                SqlValidator.Config.DEFAULT.withConformance(SqlConformanceEnum.LENIENT)
                        .withIdentifierExpansion(true).withDefaultNullCollation(NullCollation.HIGH));
        SqlNode validated;
        SqlNode aliased = query.accept(new FunctionAliases());
        Map<String, String> identifiers = ValidationErrors.identifierNames(aliased);
        try {
            validated = validator.validate(aliased);
        } catch (CalciteContextException e) {
            throw ValidationErrors.translate(e, identifiers);
        }
        List<ResultColumn> columns = resultColumns(validator, validated);
        RelDataType paramRow = validator.getParameterRowType(validated);
        List<KalamDataType> paramTypes = new ArrayList<>();
        for (RelDataTypeField f : paramRow.getFieldList()) {
            paramTypes.add(CalciteTypes.fromRelType(f.getType()));
        }
        SqlToRelConverter converter = new SqlToRelConverter(null, validator, reader, cluster,
                StandardConvertletTable.INSTANCE, SqlToRelConverter.config().withTrimUnusedFields(true)
                        .withExpand(false));
        RelRoot relRoot = converter.convertQuery(validated, false, true);
        return new LogicalQuery(relRoot.project(), columns, paramTypes, cluster.getRexBuilder());
    }

    private PreparedQuery plan(SqlNode query, NamespaceId namespace) {
        VolcanoPlanner planner = new VolcanoPlanner();
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
        RelOptUtil.registerDefaultRules(planner, false, false);
        planner.setExecutor(RexUtil.EXECUTOR);
        RelOptCluster cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
        LogicalQuery converted = convert(query, namespace, cluster);
        RelNode logical = converted.rel();
        RelTraitSet desired = logical.getTraitSet().replace(EnumerableConvention.INSTANCE).simplify();
        RelNode physical = Programs.standard().run(planner, logical, desired, List.of(), List.of());
        Map<String, Object> stash = new HashMap<>();
        @SuppressWarnings("unchecked")
        Bindable<Object> bindable = EnumerableInterpretable.toBindable(stash, null,
                (EnumerableRel) physical, EnumerableRel.Prefer.ARRAY);
        return new PreparedQuery(bindable, converted.columns(), converted.paramTypes(), root, typeFactory, stash);
    }

    /**
     * Result columns: a column read straight from a table keeps its KalamDB type and flags, except
     * {@code nn} where the query can yield NULL for it (the optional side of an outer join).
     */
    private List<ResultColumn> resultColumns(SqlValidator validator, SqlNode validated) {
        RelDataType rowType = validator.getValidatedNodeType(validated);
        List<List<String>> origins = validator.getFieldOrigins(validated);
        List<ResultColumn> out = new ArrayList<>();
        List<RelDataTypeField> fields = rowType.getFieldList();
        for (int i = 0; i < fields.size(); i++) {
            RelDataTypeField f = fields.get(i);
            ColumnDefinition origin = origin(origins.get(i));
            if (origin != null && CalciteTypes.toRelType(typeFactory, origin.dataType(), true).getSqlTypeName()
                    == f.getType().getSqlTypeName()) {
                ResultColumn c = ResultColumn.of(origin);
                List<String> flags = f.getType().isNullable()
                        ? c.flags().stream().filter(flag -> !flag.equals("nn")).toList() : c.flags();
                out.add(new ResultColumn(f.getName(), c.type(), flags));
            } else {
                out.add(ResultColumn.of(f.getName(), CalciteTypes.fromRelType(f.getType())));
            }
        }
        return out;
    }

    private ColumnDefinition origin(List<String> origin) {
        if (origin == null || origin.size() < 3) {
            return null;
        }
        int n = origin.size();
        try {
            TableDefinition def = catalog.table(io.kalamdb.core.model.TableId.of(origin.get(n - 3),
                    origin.get(n - 2))).orElse(null);
            return def == null ? null : def.column(origin.get(n - 1)).orElse(null);
        } catch (KalamException e) {
            return null;
        }
    }
}
