package io.kalamdb.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kalamdb.core.model.ErrorCode;
import org.junit.jupiter.api.Test;

/** The code-to-status mapping of the HTTP contract (DESIGN.md §5). */
class ApiErrorsTest {

    @Test
    void alreadyExistsIsABadRequestOnTheSqlApiAndAConflictElsewhere() {
        assertEquals(400, ApiErrors.status(ErrorCode.ALREADY_EXISTS));
        assertEquals(409, ApiErrors.endpointStatus(ErrorCode.ALREADY_EXISTS));
    }

    @Test
    void everyOtherCodeHasTheSameStatusEverywhere() {
        for (ErrorCode code : ErrorCode.values()) {
            if (code != ErrorCode.ALREADY_EXISTS) {
                assertEquals(ApiErrors.status(code), ApiErrors.endpointStatus(code), code::name);
            }
        }
        assertEquals(403, ApiErrors.endpointStatus(ErrorCode.PERMISSION_DENIED));
        assertEquals(400, ApiErrors.endpointStatus(ErrorCode.INVALID_PARAMETER));
        assertEquals(429, ApiErrors.endpointStatus(ErrorCode.RATE_LIMIT_EXCEEDED));
        assertEquals(401, ApiErrors.endpointStatus(ErrorCode.AUTH_REQUIRED));
    }
}
