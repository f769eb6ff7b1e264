<#--
  KalamDB statements (docs: DESIGN.md section 4), included into Calcite's Parser.jj.
  The statement methods named in config.fmpp come first; the productions after them are their parts.
-->

/** CREATE NAMESPACE | CREATE [USER|SHARED|STREAM] TABLE | CREATE STORAGE | CREATE USER. */
SqlNode KalamCreate() :
{
    final Span s;
    final SqlNode node;
}
{
    <CREATE> { s = span(); }
    (
        node = KalamCreateNamespace(s)
    |
        LOOKAHEAD(2) node = KalamCreateTable(s)
    |
        node = KalamCreateStorage(s)
    |
        node = KalamCreateUser(s)
    )
    { return node; }
}

/** DROP NAMESPACE | DROP [USER|SHARED|STREAM] TABLE | DROP STORAGE | DROP USER. */
SqlNode KalamDrop() :
{
    final Span s;
    final SqlNode node;
}
{
    <DROP> { s = span(); }
    (
        node = KalamDropNamespace(s)
    |
        LOOKAHEAD(2) node = KalamDropTable(s)
    |
        node = KalamDropStorage(s)
    |
        node = KalamDropUser(s)
    )
    { return node; }
}

/** ALTER TABLE | ALTER STORAGE | ALTER USER (ALTER SYSTEM/SESSION stay Calcite's). */
SqlNode KalamAlter() :
{
    final Span s;
    final SqlNode node;
}
{
    <ALTER> { s = span(); }
    (
        node = KalamAlterTable(s)
    |
        node = KalamAlterStorage(s)
    |
        node = KalamAlterUser(s)
    )
    { return node; }
}

/** SHOW NAMESPACES | SHOW TABLES [IN ns] | SHOW STORAGES | SHOW STATS [FOR TABLE t]. */
SqlNode KalamShow() :
{
    final Span s;
    String namespace = null;
    SqlIdentifier table = null;
}
{
    <SHOW> { s = span(); }
    (
        <NAMESPACES> { return new SqlShowNamespaces(s.end(this)); }
    |
        <TABLES> [ <IN> namespace = Identifier() ] {
            return new SqlShowTables(s.end(this), namespace);
        }
    |
        <STORAGES> { return new SqlShowStorages(s.end(this)); }
    |
        <STATS> [ <FOR> <TABLE> table = KalamTableName() ] {
            return new SqlShowStats(s.end(this), table);
        }
    )
}

/** USE ns | USE NAMESPACE ns. */
SqlNode KalamUse() :
{
    final Span s;
    final String namespace;
}
{
    <USE> { s = span(); }
    (
        LOOKAHEAD(2) <NAMESPACE> namespace = Identifier()
    |
        namespace = Identifier()
    )
    { return new SqlUseNamespace(s.end(this), namespace); }
}

/** DESCRIBE TABLE t [HISTORY] | DESC TABLE t [HISTORY]. */
SqlNode KalamDescribe() :
{
    final Span s;
    final SqlIdentifier table;
    boolean history = false;
}
{
    ( <DESCRIBE> | <DESC> ) { s = span(); }
    <TABLE> table = KalamTableName()
    [ <HISTORY> { history = true; } ]
    { return new SqlDescribeKalamTable(s.end(this), table, history); }
}

/** FLUSH TABLE t | FLUSH ALL TABLES [IN ns]. */
SqlNode KalamFlush() :
{
    final Span s;
    final SqlNode node;
}
{
    <FLUSH> { s = span(); }
    node = KalamFlushTarget(s) { return node; }
}

/** STORAGE FLUSH TABLE t | STORAGE FLUSH ALL [IN ns] (upstream KalamDB's spelling of FLUSH). */
SqlNode KalamStorageFlush() :
{
    final Span s;
    final SqlNode node;
}
{
    <STORAGE> { s = span(); }
    <FLUSH> node = KalamFlushTarget(s) { return node; }
}

/** The part of a flush statement after FLUSH. */
SqlNode KalamFlushTarget(Span s) :
{
    final SqlIdentifier table;
    String namespace = null;
}
{
    <TABLE> table = KalamTableName() {
        return new SqlFlushTable(s.end(this), table);
    }
|
    <ALL> [ <TABLES> ] [ <IN> namespace = Identifier() ] {
        return new SqlFlushAllTables(s.end(this), namespace);
    }
}

/** KILL JOB 'id' | KILL LIVE QUERY 'id'. */
SqlNode KalamKill() :
{
    final Span s;
    final String id;
}
{
    <KILL> { s = span(); }
    (
        <JOB> id = KalamString() { return new SqlKillJob(s.end(this), id); }
    |
        <LIVE> <QUERY> id = KalamString() { return new SqlKillLiveQuery(s.end(this), id); }
    )
}

/** SUBSCRIBE TO [ns.]t [WHERE condition] [OPTIONS (key = value, ...)]. */
SqlNode KalamSubscribe() :
{
    final Span s;
    final SqlIdentifier table;
    SqlNode where = null;
    Map<String, Object> options = new LinkedHashMap<String, Object>();
}
{
    <SUBSCRIBE> { s = span(); }
    <TO> table = KalamTableName()
    [ <WHERE> where = Expression(ExprContext.ACCEPT_SUB_QUERY) ]
    [ <OPTIONS> options = KalamOptionList() ]
    { return new SqlSubscribe(s.end(this), table, where, options); }
}

/** EXECUTE AS USER 'id' ( statement ). */
SqlNode KalamExecuteAs() :
{
    final Span s;
    final String user;
    final SqlNode statement;
}
{
    <EXECUTE> { s = span(); }
    <AS> <USER> user = KalamStringOrName()
    <LPAREN> statement = SqlStmt() <RPAREN> {
        if (statement instanceof SqlExecuteAsUser) {
            throw GrammarSupport.error(statement.getParserPosition(),
                "EXECUTE AS USER cannot be nested");
        }
        return new SqlExecuteAsUser(s.end(this), user, statement);
    }
}

/** BACKUP DATABASE ns TO 'path'. */
SqlNode KalamBackup() :
{
    final Span s;
    final String namespace;
    final String path;
}
{
    <BACKUP> { s = span(); }
    <DATABASE> namespace = Identifier() <TO> path = KalamString() {
        return new SqlBackupDatabase(s.end(this), namespace, path);
    }
}

/** RESTORE DATABASE ns FROM 'path'. */
SqlNode KalamRestore() :
{
    final Span s;
    final String namespace;
    final String path;
}
{
    <RESTORE> { s = span(); }
    <DATABASE> namespace = Identifier() <FROM> path = KalamString() {
        return new SqlRestoreDatabase(s.end(this), namespace, path);
    }
}

/** CLEAR CACHE. */
SqlNode KalamClearCache() :
{
    final Span s;
}
{
    <CLEAR> { s = span(); }
    <CACHE> { return new SqlClearCache(s.end(this)); }
}

/** Calcite's INSERT, optionally followed by RETURNING * | RETURNING col, ... */
SqlNode KalamInsert() :
{
    final SqlNode insert;
    final SqlNodeList returning;
}
{
    insert = SqlInsert()
    (
        <RETURNING> returning = KalamReturningList() {
            return new SqlInsertReturning(Span.of(insert).end(this), (SqlInsert) insert, returning);
        }
    |
        { return insert; }
    )
}

/** RETURNING's list: * and column names, in any mix (RETURNING *, _seq). */
SqlNodeList KalamReturningList() :
{
    final Span s;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
}
{
    { s = span(); }
    KalamReturningItem(columns)
    ( <COMMA> KalamReturningItem(columns) )*
    { return new SqlNodeList(columns, s.end(this)); }
}

void KalamReturningItem(List<SqlNode> columns) :
{
    final SqlIdentifier column;
}
{
    <STAR> { columns.add(SqlIdentifier.star(getPos())); }
|
    column = SimpleIdentifier() { columns.add(column); }
}

/** CURRENT_USER(): PostgreSQL's CURRENT_USER with parentheses (DESIGN.md section 4), the same call. */
SqlNode KalamCurrentUserCall() :
{
    final Span s;
}
{
    <CURRENT_USER> { s = span(); } <LPAREN> <RPAREN> {
        return SqlStdOperatorTable.CURRENT_USER.createCall(s.end(this));
    }
}

SqlNode KalamCreateNamespace(Span s) :
{
    final boolean ifNotExists;
    final String namespace;
}
{
    <NAMESPACE> ifNotExists = KalamIfNotExists() namespace = Identifier() {
        return new SqlCreateNamespace(s.end(this), namespace, ifNotExists);
    }
}

SqlNode KalamDropNamespace(Span s) :
{
    final boolean ifExists;
    final String namespace;
    boolean cascade = false;
}
{
    <NAMESPACE> ifExists = KalamIfExists() namespace = Identifier()
    [ <CASCADE> { cascade = true; } ]
    { return new SqlDropNamespace(s.end(this), namespace, ifExists, cascade); }
}

SqlNode KalamCreateTable(Span s) :
{
    String kind = null;
    final boolean ifNotExists;
    final SqlIdentifier name;
    final List<SqlKalamColumn> columns = new ArrayList<SqlKalamColumn>();
    final List<SqlNodeList> primaryKeys = new ArrayList<SqlNodeList>();
    Map<String, Object> options = new LinkedHashMap<String, Object>();
}
{
    [ kind = KalamTableKind() ]
    <TABLE> ifNotExists = KalamIfNotExists() name = KalamTableName()
    <LPAREN>
    KalamTableElement(columns, primaryKeys)
    ( <COMMA> KalamTableElement(columns, primaryKeys) )*
    <RPAREN>
    [ <WITH> options = KalamOptionList() ]
    {
        return new SqlCreateKalamTable(s.end(this), kind, ifNotExists, name,
            GrammarSupport.withTablePrimaryKey(columns, primaryKeys), options);
    }
}

/** A column definition or a table-level PRIMARY KEY (col, ...) clause. */
void KalamTableElement(List<SqlKalamColumn> columns, List<SqlNodeList> primaryKeys) :
{
    final SqlNodeList keyColumns;
    final SqlKalamColumn column;
}
{
    <PRIMARY> <KEY> keyColumns = ParenthesizedSimpleIdentifierList() {
        primaryKeys.add(keyColumns);
    }
|
    column = KalamColumn() { columns.add(column); }
}

SqlNode KalamDropTable(Span s) :
{
    String kind = null;
    final boolean ifExists;
    final SqlIdentifier name;
    boolean force = false;
}
{
    [ kind = KalamTableKind() ]
    <TABLE> ifExists = KalamIfExists() name = KalamTableName() [ <FORCE> { force = true; } ] {
        return new SqlDropKalamTable(s.end(this), kind, ifExists, name, force);
    }
}

/** USER | SHARED | STREAM, upper-case. */
String KalamTableKind() :
{
}
{
    ( <USER> | <SHARED> | <STREAM> ) { return token.image.toUpperCase(Locale.ROOT); }
}

SqlNode KalamAlterTable(Span s) :
{
    final SqlIdentifier name;
    final SqlKalamColumn column;
    final SqlIdentifier columnName;
    final Map<String, Object> properties;
}
{
    <TABLE> name = KalamTableName()
    (
        <ADD> [ <COLUMN> ] column = KalamColumn() {
            return new SqlAlterTableAddColumn(s.end(this), name, column);
        }
    |
        <DROP> [ <COLUMN> ] columnName = SimpleIdentifier() {
            return new SqlAlterTableDropColumn(s.end(this), name, columnName.getSimple());
        }
    |
        <MODIFY> [ <COLUMN> ] column = KalamModifiedColumn() {
            return new SqlAlterTableModifyColumn(s.end(this), name, column);
        }
    |
        <SET> <TBLPROPERTIES> properties = KalamOptionList() {
            return new SqlAlterTableSetProperties(s.end(this), name, properties);
        }
    )
}

/** col type [NULL | NOT NULL], the target of ALTER TABLE ... MODIFY COLUMN. */
SqlKalamColumn KalamModifiedColumn() :
{
    final SqlIdentifier name;
    final Span s;
    final List<String> typeWords = new ArrayList<String>();
    final List<Integer> typeParams = new ArrayList<Integer>();
    Boolean notNull = null;
}
{
    name = SimpleIdentifier() { s = span(); }
    KalamTypeName(typeWords, typeParams)
    [
        <NOT> <NULL> { notNull = Boolean.TRUE; }
    |
        <NULL> { notNull = Boolean.FALSE; }
    ]
    {
        return new SqlKalamColumn(s.end(this), name.getSimple(), String.join(" ", typeWords),
            typeParams, notNull, false, null, null);
    }
}

/** col type [NOT NULL | NULL] [PRIMARY KEY] [DEFAULT expr] [COMMENT 'text'], clauses in any order. */
SqlKalamColumn KalamColumn() :
{
    final SqlIdentifier name;
    final Span s;
    final List<String> typeWords = new ArrayList<String>();
    final List<Integer> typeParams = new ArrayList<Integer>();
    Boolean notNull = null;
    Boolean primaryKey = null;
    SqlNode defaultExpr = null;
    SqlNode expr;
    String comment = null;
    String text;
}
{
    name = SimpleIdentifier() { s = span(); }
    KalamTypeName(typeWords, typeParams)
    (
        <NOT> <NULL> {
            notNull = GrammarSupport.once(notNull, Boolean.TRUE, "NULL / NOT NULL", getPos());
        }
    |
        <NULL> {
            notNull = GrammarSupport.once(notNull, Boolean.FALSE, "NULL / NOT NULL", getPos());
        }
    |
        <PRIMARY> <KEY> {
            primaryKey = GrammarSupport.once(primaryKey, Boolean.TRUE, "PRIMARY KEY", getPos());
        }
    |
        <DEFAULT_> expr = Expression(ExprContext.ACCEPT_NON_QUERY) {
            defaultExpr = GrammarSupport.once(defaultExpr, expr, "DEFAULT", expr.getParserPosition());
        }
    |
        <COMMENT> text = KalamString() {
            comment = GrammarSupport.once(comment, text, "COMMENT", getPos());
        }
    )*
    {
        return new SqlKalamColumn(s.end(this), name.getSimple(), String.join(" ", typeWords),
            typeParams, notNull, primaryKey != null, defaultExpr, comment);
    }
}

/**
 * A type name as written: one word (any identifier, or a SQL type keyword), an optional second word
 * (DOUBLE PRECISION, CHARACTER VARYING), optional integer parameters, an optional time zone suffix.
 * The catalog resolves the name; the parser only records words (upper-case) and parameters.
 */
void KalamTypeName(List<String> words, List<Integer> params) :
{
    String word;
    int param;
}
{
    word = KalamTypeWord() { words.add(word); }
    [
        <PRECISION> { words.add("PRECISION"); }
    |
        <VARYING> { words.add("VARYING"); }
    ]
    [
        <LPAREN> param = UnsignedIntLiteral() { params.add(param); }
        ( <COMMA> param = UnsignedIntLiteral() { params.add(param); } )*
        <RPAREN>
    ]
    [
        ( <WITH> | <WITHOUT> ) { words.add(token.image.toUpperCase(Locale.ROOT)); }
        [ <LOCAL> { words.add("LOCAL"); } ]
        <TIME> <ZONE> { words.add("TIME"); words.add("ZONE"); }
    ]
}

String KalamTypeWord() :
{
    final String name;
}
{
    (
        <BIGINT> | <BINARY> | <BLOB> | <BOOLEAN> | <CHAR> | <CHARACTER> | <CLOB> | <DATE> | <DATETIME>
    |   <DEC> | <DECIMAL> | <DOUBLE> | <FLOAT> | <INT> | <INTEGER> | <NUMERIC> | <REAL> | <SMALLINT>
    |   <TIME> | <TIMESTAMP> | <TINYINT> | <UUID> | <VARBINARY> | <VARCHAR>
    )
    { return token.image.toUpperCase(Locale.ROOT); }
|
    name = Identifier() { return name.toUpperCase(Locale.ROOT); }
}

SqlNode KalamCreateStorage(Span s) :
{
    final String id;
    final String type;
    String path = null;
    String sharedTablesTemplate = null;
    String userTablesTemplate = null;
    String description = null;
    String credentials = null;
    String text;
}
{
    <STORAGE> id = KalamStorageId()
    <TYPE> type = KalamStringOrName()
    (
        <PATH> text = KalamString() {
            path = GrammarSupport.once(path, text, "PATH", getPos());
        }
    |
        <SHARED_TABLES_TEMPLATE> text = KalamString() {
            sharedTablesTemplate = GrammarSupport.once(sharedTablesTemplate, text,
                "SHARED_TABLES_TEMPLATE", getPos());
        }
    |
        <USER_TABLES_TEMPLATE> text = KalamString() {
            userTablesTemplate = GrammarSupport.once(userTablesTemplate, text,
                "USER_TABLES_TEMPLATE", getPos());
        }
    |
        <DESCRIPTION> text = KalamString() {
            description = GrammarSupport.once(description, text, "DESCRIPTION", getPos());
        }
    |
        <CREDENTIALS> text = KalamString() {
            credentials = GrammarSupport.once(credentials, text, "CREDENTIALS", getPos());
        }
    )*
    {
        if (path == null) {
            throw GrammarSupport.error(s.end(this), "CREATE STORAGE requires a PATH clause");
        }
        return new SqlCreateStorage(s.end(this), id, type, path, sharedTablesTemplate,
            userTablesTemplate, description, credentials);
    }
}

/** ALTER STORAGE id SET key = 'value' [, ...]; the "=" and the commas may be left out. */
SqlNode KalamAlterStorage(Span s) :
{
    final String id;
    final Map<String, String> settings = new LinkedHashMap<String, String>();
}
{
    <STORAGE> id = KalamStorageId() <SET>
    KalamStorageSetting(settings)
    ( [ <COMMA> ] KalamStorageSetting(settings) )*
    { return new SqlAlterStorage(s.end(this), id, settings); }
}

void KalamStorageSetting(Map<String, String> settings) :
{
    final String key;
    final Span s;
    final String value;
}
{
    key = Identifier() { s = span(); }
    [ <EQ> ]
    value = KalamString() {
        GrammarSupport.putOption(settings, key, value, s.end(this));
    }
}

SqlNode KalamDropStorage(Span s) :
{
    final boolean ifExists;
    final String id;
}
{
    <STORAGE> ifExists = KalamIfExists() id = KalamStorageId() {
        return new SqlDropStorage(s.end(this), id, ifExists);
    }
}

/** CREATE USER [IF NOT EXISTS] name WITH PASSWORD 'pw' [ROLE role] [EMAIL 'e'], ROLE and EMAIL in any order. */
SqlNode KalamCreateUser(Span s) :
{
    final boolean ifNotExists;
    final String name;
    final String password;
    String role = null;
    String email = null;
    String text;
}
{
    <USER> ifNotExists = KalamIfNotExists() name = KalamStringOrName()
    <WITH> <PASSWORD> password = KalamString()
    (
        <ROLE> text = KalamRole() {
            role = GrammarSupport.once(role, text, "ROLE", getPos());
        }
    |
        <EMAIL> text = KalamString() {
            email = GrammarSupport.once(email, text, "EMAIL", getPos());
        }
    )*
    { return new SqlCreateUser(s.end(this), name, ifNotExists, password, role, email); }
}

/** ALTER USER name SET PASSWORD 'pw' | SET ROLE role | SET EMAIL 'e'. */
SqlNode KalamAlterUser(Span s) :
{
    final String name;
    final SqlAlterUser.Property property;
    final String value;
}
{
    <USER> name = KalamStringOrName() <SET>
    (
        <PASSWORD> value = KalamString() { property = SqlAlterUser.Property.PASSWORD; }
    |
        <ROLE> value = KalamRole() { property = SqlAlterUser.Property.ROLE; }
    |
        <EMAIL> value = KalamString() { property = SqlAlterUser.Property.EMAIL; }
    )
    { return new SqlAlterUser(s.end(this), name, property, value); }
}

SqlNode KalamDropUser(Span s) :
{
    final boolean ifExists;
    final String name;
}
{
    <USER> ifExists = KalamIfExists() name = KalamStringOrName() {
        return new SqlDropUser(s.end(this), name, ifExists);
    }
}

/** A storage id: a name, including the reserved word LOCAL (the default storage is "local"). */
String KalamStorageId() :
{
    final String id;
}
{
    (
        id = Identifier()
    |
        <LOCAL> { id = unquotedIdentifier(); }
    )
    { return id; }
}

/** A role name (user, service, dba, ...) as a word or a string; lower-case. */
String KalamRole() :
{
    final String role;
}
{
    (
        <USER> { role = token.image; }
    |
        role = Identifier()
    |
        role = KalamString()
    )
    { return role.toLowerCase(Locale.ROOT); }
}

/** [ns.]t: a table name of one or two parts. */
SqlIdentifier KalamTableName() :
{
    final List<String> names = new ArrayList<String>();
    final List<SqlParserPos> positions = new ArrayList<SqlParserPos>();
}
{
    AddIdentifierSegment(names, positions)
    [ <DOT> AddIdentifierSegment(names, positions) ]
    { return new SqlIdentifier(names, null, SqlParserPos.sum(positions), positions); }
}

boolean KalamIfNotExists() :
{
}
{
    LOOKAHEAD(2) <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

boolean KalamIfExists() :
{
}
{
    LOOKAHEAD(2) <IF> <EXISTS> { return true; }
|
    { return false; }
}

/** A single-quoted string literal's value. */
String KalamString() :
{
}
{
    <QUOTED_STRING> { return SqlParserUtil.parseString(token.image); }
}

/** A name written as a string literal or as an identifier. */
String KalamStringOrName() :
{
    final String name;
}
{
    (
        name = KalamString()
    |
        name = Identifier()
    )
    { return name; }
}

/** ( key = value, ... ): keys upper-case, values String, Long, BigDecimal or Boolean, in written order. */
Map<String, Object> KalamOptionList() :
{
    final Map<String, Object> options = new LinkedHashMap<String, Object>();
}
{
    <LPAREN>
    KalamOption(options)
    ( <COMMA> KalamOption(options) )*
    <RPAREN>
    { return options; }
}

void KalamOption(Map<String, Object> options) :
{
    final String key;
    final Span s;
    final Object value;
}
{
    key = KalamStringOrName() { s = span(); }
    <EQ> value = KalamOptionValue() {
        GrammarSupport.putOption(options, key, value, s.end(this));
    }
}

Object KalamOptionValue() :
{
    final String text;
    final SqlLiteral number;
}
{
    text = KalamString() { return text; }
|
    number = NumericLiteral() { return GrammarSupport.numberValue(number); }
|
    <TRUE> { return Boolean.TRUE; }
|
    <FALSE> { return Boolean.FALSE; }
}
