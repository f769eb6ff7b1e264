package io.kalamdb.web.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.core.auth.UserRecord;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.NamespaceId;
import io.kalamdb.core.runtime.EngineHolder;
import io.kalamdb.core.runtime.ServerSettings;
import io.kalamdb.core.sql.SqlSession;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.web.auth.RequestAuthenticator;
import io.kalamdb.web.limits.AbuseGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code POST /v1/api/sql} (DESIGN.md §5): body {@code {"sql": "...", "params": [..]?, "namespace_id": "..."?}};
 * answers {@code {"status":"success","results":[{schema, rows, row_count, message, as_user}…],"took":ms}} or
 * the error envelope. Values are encoded per column type ({@code KalamDataType#toJsonValue}).
 */
@Path("/sql")
@ApplicationScoped
public class SqlResource {
    @Inject
    EngineHolder engines;

    @Inject
    RequestAuthenticator authenticator;

    @Inject
    AbuseGuard guard;

    private final int maxBodyBytes = ServerSettings.maxBodyBytes(ConfigProvider.getConfig());

    /**
     * Runs the statements of the body as the authenticated user; each request counts against the user's
     * {@code kalamdb.sql.requests.per.second.per.user} (role system is exempt).
     *
     * @return 200 with one result per statement, or an error status with the envelope (429 RATE_LIMIT_EXCEEDED over
     *         the rate, 413 MESSAGE_TOO_LARGE for a body over {@code kalamdb.http.max.body.bytes} or a result over
     *         {@code kalamdb.sql.max.result.rows})
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response execute(InputStream body, @Context HttpServletRequest request) {
        long start = System.nanoTime();
        try {
            UserRecord user = authenticator.authenticate(request);
            guard.sqlRequest(user);
            ObjectNode json = JsonBodies.readObject(body, maxBodyBytes);
            JsonNode sqlNode = json.get("sql");
            if (sqlNode == null || sqlNode.isNull()) {
                throw new KalamException(ErrorCode.EMPTY_SQL, "SQL statement is empty: the body needs a \"sql\" field");
            }
            if (!sqlNode.isTextual()) {
                throw new KalamException(ErrorCode.INVALID_PARAMETER, "Field 'sql' must be a string");
            }
            String namespace = JsonBodies.optionalText(json, "namespace_id");
            SqlSession session = new SqlSession(user.id(), user.role(),
                    namespace == null ? NamespaceId.DEFAULT : new NamespaceId(namespace));
            List<StatementResult> results = engines.engine().sql().execute(session, sqlNode.asText(),
                    params(json.get("params")));
            return Response.ok(success(results, millisSince(start)).toString(), MediaType.APPLICATION_JSON_TYPE)
                    .build();
        } catch (KalamException e) {
            return ApiErrors.response(e.code(), e.getMessage(), millisSince(start));
        }
    }

    private static List<Object> params(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new KalamException(ErrorCode.INVALID_PARAMETER, "Field 'params' must be an array");
        }
        List<Object> out = new ArrayList<>();
        for (JsonNode p : node) {
            out.add(JsonValues.toJava(p));
        }
        return out;
    }

    private static ObjectNode success(List<StatementResult> results, double took) {
        ObjectNode root = JsonBodies.MAPPER.createObjectNode();
        root.put("status", "success");
        ArrayNode array = root.putArray("results");
        for (StatementResult r : results) {
            ObjectNode out = array.addObject();
            JsonValues.schema(out.putArray("schema"), r.schema());
            ArrayNode rows = out.putArray("rows");
            for (Object[] row : r.rows()) {
                ArrayNode values = rows.addArray();
                for (int i = 0; i < row.length; i++) {
                    values.add(JsonValues.toNode(r.schema().get(i).type().toJsonValue(row[i])));
                }
            }
            out.put("row_count", r.rowCount());
            out.put("message", r.message());
            out.put("as_user", r.asUser().value());
        }
        root.put("took", took);
        return root;
    }

    private static double millisSince(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1_000.0) / 1_000.0;
    }
}
