package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code KILL LIVE QUERY 'id'}: Ends a live query subscription. */
public final class SqlKillLiveQuery extends KalamStatement {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("KILL LIVE QUERY", SqlKind.OTHER);

    private final String liveId;

    /**
     * @param pos statement position
     * @param liveId the live query id
     */
    public SqlKillLiveQuery(SqlParserPos pos, String liveId) {
        super(pos, OPERATOR);
        this.liveId = liveId;
    }

    /** @return the live query id */
    public String getLiveId() {
        return liveId;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("KILL LIVE QUERY");
        Unparse.string(writer, liveId);
    }
}
