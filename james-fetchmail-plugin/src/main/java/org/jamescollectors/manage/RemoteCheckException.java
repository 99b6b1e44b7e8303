package org.jamescollectors.manage;

import java.util.Optional;

/** Logging in to the remote account failed; nothing was saved. */
public final class RemoteCheckException extends CollectorServiceException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final Optional<String> hint;

    public RemoteCheckException(String code, String message, Optional<String> hint) {
        super(message);
        this.code = code;
        this.hint = hint;
    }

    /** The failure's kind: {@code authentication}, {@code tls}, {@code connection}, ... */
    public String code() {
        return code;
    }

    /** Advice for this provider, when the catalogue has some. */
    public Optional<String> hint() {
        return hint;
    }
}
