package org.jamescollectors.manage;

import java.util.Arrays;
import java.util.Optional;

/**
 * The writable fields of a collector as the API names them, with the JSON type each takes. The
 * access fields are those whose change makes the server log in to the remote account again.
 */
public enum CollectorField {
    NAME("name", Type.STRING, false, false),
    PROTOCOL("protocol", Type.STRING, false, true),
    HOST("host", Type.STRING, false, true),
    PORT("port", Type.INTEGER, false, true),
    SECURITY("security", Type.STRING, false, true),
    USERNAME("username", Type.STRING, false, true),
    PASSWORD("password", Type.STRING, false, true),
    SOURCE_FOLDER("sourceFolder", Type.STRING, true, true),
    FETCH_ALL("fetchAll", Type.BOOLEAN, false, false),
    DELETE_AFTER_FETCH("deleteAfterFetch", Type.BOOLEAN, false, false),
    TARGET_FOLDER("targetFolder", Type.STRING, true, false),
    ENABLED("enabled", Type.BOOLEAN, false, false);

    /** The JSON type a field's value must have. */
    public enum Type {
        STRING("a string"), INTEGER("a whole number"), BOOLEAN("true or false");

        private final String description;

        Type(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final String wireName;
    private final Type type;
    private final boolean nullable;
    private final boolean access;

    CollectorField(String wireName, Type type, boolean nullable, boolean access) {
        this.wireName = wireName;
        this.type = type;
        this.nullable = nullable;
        this.access = access;
    }

    public String wireName() {
        return wireName;
    }

    public Type type() {
        return type;
    }

    /** Whether {@code null} is a meaningful value (the default folder). */
    public boolean nullable() {
        return nullable;
    }

    /** Whether giving this field, changed or not, triggers a live check of the remote account. */
    public boolean access() {
        return access;
    }

    public static Optional<CollectorField> fromWireName(String name) {
        return Arrays.stream(values()).filter(field -> field.wireName.equals(name)).findFirst();
    }
}
