package org.jamescollectors.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The users' page's texts in one language, read from the file the page itself loads, so that
 * tests check what a user reads without repeating the wording.
 */
final class Texts {
    private static final String FOLDER = "org/jamescollectors/webadmin/ui/";

    private final JsonNode texts;

    private Texts(JsonNode texts) {
        this.texts = texts;
    }

    static Texts of(String language) {
        String name = FOLDER + language + ".json";
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no texts for language " + language);
            }
            return new Texts(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text for the key, its {name} placeholders replaced by the given name/value pairs. */
    String get(String key, String... namesAndValues) {
        JsonNode text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no text " + key);
        }
        String result = text.asText();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            result = result.replace("{" + namesAndValues[i] + "}", namesAndValues[i + 1]);
        }
        return result;
    }
}
