package io.kalamdb.web.rest;

import io.kalamdb.core.model.ErrorCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else: JAX-RS's own client errors (unknown path, wrong method, unsupported media type) keep
 * their status with a contract envelope; every other throwable is a bug — logged in full, answered with
 * INTERNAL_ERROR and no stack trace.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500) {
            int status = wae.getResponse().getStatus();
            ErrorCode code = status == 404 ? ErrorCode.NOT_FOUND : ErrorCode.INVALID_PARAMETER;
            return ApiErrors.response(status, code, e.getMessage() == null ? "HTTP " + status : e.getMessage(), 0);
        }
        LOG.log(Level.SEVERE, "Unexpected error", e);
        return ApiErrors.response(ErrorCode.INTERNAL_ERROR, "Internal error; see the server log", 0);
    }
}
