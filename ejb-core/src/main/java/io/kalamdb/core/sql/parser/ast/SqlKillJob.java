package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code KILL JOB 'id'}: Stops a running job. */
public final class SqlKillJob extends KalamStatement {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("KILL JOB", SqlKind.OTHER);

    private final String jobId;

    /**
     * @param pos statement position
     * @param jobId the job id
     */
    public SqlKillJob(SqlParserPos pos, String jobId) {
        super(pos, OPERATOR);
        this.jobId = jobId;
    }

    /** @return the job id */
    public String getJobId() {
        return jobId;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("KILL JOB");
        Unparse.string(writer, jobId);
    }
}
