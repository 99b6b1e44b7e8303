package org.jamescollectors.webadmin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.james.webadmin.utils.ErrorResponder.ErrorType;

/**
 * One error answer: James' WebAdmin error fields ({@code statusCode}, {@code type},
 * {@code message}, {@code details}) plus ours where they apply ({@code field}, {@code code},
 * {@code hint}) and the headers that go with it.
 */
final class ApiError {
    private final int status;
    private final ErrorType type;
    private final String message;
    private final Optional<String> field;
    private final Optional<String> code;
    private final Optional<Optional<String>> hint;
    private final Map<String, String> headers;

    private ApiError(int status, ErrorType type, String message, Optional<String> field,
                     Optional<String> code, Optional<Optional<String>> hint,
                     Map<String, String> headers) {
        this.status = status;
        this.type = Objects.requireNonNull(type, "type");
        this.message = Objects.requireNonNull(message, "message");
        this.field = field;
        this.code = code;
        this.hint = hint;
        this.headers = Map.copyOf(headers);
    }

    static ApiError of(int status, ErrorType type, String message) {
        return new ApiError(status, type, message, Optional.empty(), Optional.empty(),
            Optional.empty(), Map.of());
    }

    ApiError field(String name) {
        return new ApiError(status, type, message, Optional.of(name), code, hint, headers);
    }

    ApiError code(String value) {
        return new ApiError(status, type, message, field, Optional.of(value), hint, headers);
    }

    /** Adds {@code hint}, written as {@code null} when empty. */
    ApiError hint(Optional<String> value) {
        return new ApiError(status, type, message, field, code, Optional.of(value), headers);
    }

    ApiError header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiError(status, type, message, field, code, hint, more);
    }

    int status() {
        return status;
    }

    ErrorType type() {
        return type;
    }

    String message() {
        return message;
    }

    Optional<String> field() {
        return field;
    }

    Optional<String> code() {
        return code;
    }

    Optional<Optional<String>> hint() {
        return hint;
    }

    Map<String, String> headers() {
        return headers;
    }

    @Override
    public String toString() {
        return status + " " + type.getType() + ": " + message;
    }
}
