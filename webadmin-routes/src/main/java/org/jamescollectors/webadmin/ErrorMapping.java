package org.jamescollectors.webadmin;

import static org.apache.james.webadmin.utils.ErrorResponder.ErrorType.INVALID_ARGUMENT;
import static org.apache.james.webadmin.utils.ErrorResponder.ErrorType.NOT_FOUND;
import static org.apache.james.webadmin.utils.ErrorResponder.ErrorType.SERVER_ERROR;
import static org.apache.james.webadmin.utils.ErrorResponder.ErrorType.WRONG_STATE;

import org.jamescollectors.manage.CollectorConflictException;
import org.jamescollectors.manage.CollectorLimitException;
import org.jamescollectors.manage.CollectorNotFoundException;
import org.jamescollectors.manage.CollectorServiceException;
import org.jamescollectors.manage.InvalidFieldException;
import org.jamescollectors.manage.RemoteCheckException;
import org.jamescollectors.manage.RetryLaterException;
import org.jamescollectors.manage.RunNotFoundException;

/** The one place where the collector service's refusals become HTTP answers. */
final class ErrorMapping {
    static final int UNPROCESSABLE = 422;
    static final int TOO_MANY_REQUESTS = 429;

    private ErrorMapping() {
    }

    static ApiError of(CollectorServiceException e) {
        if (e instanceof InvalidFieldException) {
            return invalid(e.getMessage()).field(((InvalidFieldException) e).field());
        }
        if (e instanceof CollectorNotFoundException || e instanceof RunNotFoundException) {
            return ApiError.of(404, NOT_FOUND, e.getMessage());
        }
        if (e instanceof CollectorLimitException) {
            return ApiError.of(403, WRONG_STATE, e.getMessage()).code("limit-reached");
        }
        if (e instanceof CollectorConflictException) {
            return ApiError.of(409, WRONG_STATE, e.getMessage())
                .code(((CollectorConflictException) e).code());
        }
        if (e instanceof RemoteCheckException) {
            RemoteCheckException check = (RemoteCheckException) e;
            return ApiError.of(UNPROCESSABLE, INVALID_ARGUMENT, e.getMessage())
                .code(check.code()).hint(check.hint());
        }
        if (e instanceof RetryLaterException) {
            return retryLater(e.getMessage(), ((RetryLaterException) e).retryAfterSeconds());
        }
        return unexpected();
    }

    static ApiError invalid(String message) {
        return ApiError.of(400, INVALID_ARGUMENT, message);
    }

    static ApiError retryLater(String message, long seconds) {
        return ApiError.of(TOO_MANY_REQUESTS, WRONG_STATE, message).code("rate-limited")
            .header("Retry-After", Long.toString(seconds));
    }

    static ApiError unexpected() {
        return ApiError.of(500, SERVER_ERROR, "the collectors API met an unexpected error;"
            + " the server log says more");
    }
}
