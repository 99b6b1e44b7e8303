package org.jamescollectors.manage;

/** A field's value breaks a rule; nothing was changed. */
public final class InvalidFieldException extends CollectorServiceException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    InvalidFieldException(CollectorField field, String message) {
        this(field.wireName(), message);
    }

    /** The API name of the field at fault. */
    public String field() {
        return field;
    }
}
