package org.jamescollectors.webadmin;

/** A request refused before it reaches the collector service: transport or sign-in. */
final class ApiErrorException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient ApiError error;

    ApiErrorException(ApiError error) {
        super(error.toString());
        this.error = error;
    }

    ApiError error() {
        return error;
    }
}
