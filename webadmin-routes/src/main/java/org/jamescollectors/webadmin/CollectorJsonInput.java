package org.jamescollectors.webadmin;

import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.jamescollectors.manage.CollectorField;
import org.jamescollectors.manage.CollectorInput;
import org.jamescollectors.manage.InvalidFieldException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads a collector from a request body: one flat JSON object whose keys are writable fields,
 * each once, with values of the field's type. Read with a streaming parser that never descends
 * into nested values, so no body, however deep or odd, costs more than its size. Refusals name
 * the field and never repeat the value, which may be a password.
 */
final class CollectorJsonInput {
    static final int MAX_BODY = 64 * 1024;
    static final Set<String> READ_ONLY =
        Set.of("id", "passwordSet", "targetFolderExists", "createdAt", "status");
    private static final JsonFactory FACTORY = new JsonFactory();

    private CollectorJsonInput() {
    }

    static CollectorInput parse(String body) throws InvalidFieldException {
        if (body == null || body.isBlank()) {
            throw new InvalidFieldException("body", "the request body must be a JSON object");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidFieldException("body", "the request body must be at most "
                + MAX_BODY / 1024 + " KiB");
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            return read(parser);
        } catch (JsonParseException e) {
            throw new InvalidFieldException("body", "the request body is not valid JSON"
                + where(e.getLocation()));
        } catch (IOException e) {
            throw new InvalidFieldException("body", "the request body is not valid JSON");
        }
    }

    private static CollectorInput read(JsonParser parser)
        throws IOException, InvalidFieldException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new InvalidFieldException("body", "the request body must be a JSON object");
        }
        CollectorInput.Builder input = CollectorInput.builder();
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.getCurrentName();
            CollectorField field = field(name, seen);
            value(parser, parser.nextToken(), field, input);
        }
        if (parser.nextToken() != null) {
            throw new InvalidFieldException("body", "the request body must hold one JSON object"
                + " and nothing after it");
        }
        return input.build();
    }

    private static CollectorField field(String name, Set<String> seen)
        throws InvalidFieldException {
        String shown = shown(name);
        if (!seen.add(name)) {
            throw new InvalidFieldException(shown, shown + " is given twice");
        }
        if (READ_ONLY.contains(name)) {
            throw new InvalidFieldException(shown, shown + " is read-only");
        }
        return CollectorField.fromWireName(name)
            .orElseThrow(() -> new InvalidFieldException(shown, shown + " is not a field of a"
                + " collector"));
    }

    private static void value(JsonParser parser, JsonToken token, CollectorField field,
                              CollectorInput.Builder input)
        throws IOException, InvalidFieldException {
        if (token == JsonToken.VALUE_NULL) {
            if (!field.nullable()) {
                throw wrongType(field, " and not null");
            }
            input.nullValue(field);
            return;
        }
        switch (field.type()) {
            case STRING:
                input.string(field, string(parser, token, field));
                return;
            case INTEGER:
                input.integer(field, integer(parser, token, field));
                return;
            case BOOLEAN:
            default:
                input.bool(field, bool(token, field));
        }
    }

    private static String string(JsonParser parser, JsonToken token, CollectorField field)
        throws IOException, InvalidFieldException {
        if (token != JsonToken.VALUE_STRING) {
            throw wrongType(field, "");
        }
        return parser.getText();
    }

    private static int integer(JsonParser parser, JsonToken token, CollectorField field)
        throws IOException, InvalidFieldException {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw wrongType(field, "");
        }
        if (parser.getNumberType() != JsonParser.NumberType.INT) {
            throw new InvalidFieldException(field.wireName(), field.wireName()
                + " must be within 1..65535");
        }
        return parser.getIntValue();
    }

    private static boolean bool(JsonToken token, CollectorField field)
        throws InvalidFieldException {
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        throw wrongType(field, "");
    }

    private static InvalidFieldException wrongType(CollectorField field, String more) {
        return new InvalidFieldException(field.wireName(), field.wireName() + " must be "
            + field.type().description() + more);
    }

    /** A field name as it may be echoed: printable and short. */
    private static String shown(String name) {
        String printable = name.codePoints()
            .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
            .limit(64)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
        return printable.isEmpty() ? "(unnamed)" : printable;
    }

    private static String where(JsonLocation location) {
        return Optional.ofNullable(location)
            .map(at -> " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
            .orElse("");
    }
}
