package io.kalamdb.web.rest;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Engine errors of the resources other than {@code /v1/api/sql} (which answers its own) become the contract's error
 * envelope, with {@link ApiErrors#endpointStatus}; internal errors are logged with their cause.
 */
@Provider
public class KalamExceptionMapper implements ExceptionMapper<KalamException> {
    private static final Logger LOG = Logger.getLogger(KalamExceptionMapper.class.getName());

    @Override
    public Response toResponse(KalamException e) {
        if (e.code() == ErrorCode.INTERNAL_ERROR) {
            LOG.log(Level.SEVERE, "Internal error: " + e.getMessage(), e);
        }
        return ApiErrors.response(ApiErrors.endpointStatus(e.code()), e.code(), e.getMessage(), 0);
    }
}
