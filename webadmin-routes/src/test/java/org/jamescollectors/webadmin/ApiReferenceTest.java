package org.jamescollectors.webadmin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jamescollectors.webadmin.CollectorsServer.ALICE;
import static org.jamescollectors.webadmin.CollectorsServer.BOB;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.core.Username;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.modules.MailboxProbeImpl;
import org.jamescollectors.config.SettingValues;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Runs every example of {@code docs/api.md}, in document order, against a live server and checks
 * the answer: status, the headers shown, and the JSON body field for field. In the document,
 * {@code "…"} stands for any value and {@code {name}} for a value the first answer showing it
 * gives and later examples reuse.
 */
class ApiReferenceTest {
    private static final Path REFERENCE = Path.of("..", "docs", "api.md");
    private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z]+)\\}");
    private static final String ANY = "…";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    @Order(1)
    static RemoteServers servers = new RemoteServers();

    @RegisterExtension
    @Order(2)
    static JamesServerExtension james = CollectorsServer.extension(servers, Map.of(
        "api.trustedProxies", "127.0.0.1"));

    private final Map<String, String> variables = new HashMap<>();

    @BeforeAll
    static void createUsers(GuiceJamesServer server) throws Exception {
        CollectorsServer.addUsers(server, BOB, ALICE, "carol@" + CollectorsServer.DOMAIN);
    }

    @TestFactory
    Stream<DynamicTest> everyExampleOfTheReferenceShouldHoldTrue(GuiceJamesServer server)
        throws Exception {
        List<DocExamples.Example> examples = DocExamples.parse(
            Files.readAllLines(REFERENCE, StandardCharsets.UTF_8));

        assertThat(examples).hasSizeGreaterThan(30);
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.toString(),
            () -> run(server, example)));
    }

    private void run(GuiceJamesServer server, DocExamples.Example example) throws Exception {
        for (String step : example.setup) {
            setUp(server, substitute(step));
        }
        RequestSpecification request = given(CollectorsServer.spec(server))
            .urlEncodingEnabled(false);
        example.requestHeaders.forEach((name, value) -> request.header(name, substitute(value)));
        if (!example.requestBody.isEmpty()) {
            request.body(substitute(example.requestBody));
        }

        Response response = request.request(example.method, substitute(example.target));

        assertThat(response.statusCode()).as("%s: status; body %s", example, response.asString())
            .isEqualTo(example.status);
        example.responseHeaders.forEach((name, value) ->
            assertThat(matches(value, response.header(name)))
                .as("%s: header %s: %s, documented %s", example, name, response.header(name),
                    value)
                .isTrue());
        checkBody(example, response.asString());
    }

    private void checkBody(DocExamples.Example example, String actual) throws Exception {
        if (example.responseBody.isEmpty()) {
            assertThat(actual).as("%s: body", example).isEmpty();
            return;
        }
        JsonNode documented = JSON.readTree(example.responseBody);
        JsonNode answered = JSON.readTree(actual);
        assertThat(matches(documented, answered, "$"))
            .as("%s: body %s, documented %s", example, actual, example.responseBody)
            .isEqualTo("");
    }

    /** Empty when the answer matches the documented JSON; else where it differs. */
    private String matches(JsonNode documented, JsonNode answered, String at) {
        if (documented.isTextual()) {
            boolean ok = ANY.equals(documented.asText()) || (answered.isValueNode()
                && !answered.isNull() && matches(documented.asText(), answered.asText()));
            return ok ? "" : at;
        }
        if (documented.isObject()) {
            if (!answered.isObject() || !fieldNames(documented).equals(fieldNames(answered))) {
                return at + " fields";
            }
            for (Iterator<String> names = documented.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String difference = matches(documented.get(name), answered.get(name),
                    at + "." + name);
                if (!difference.isEmpty()) {
                    return difference;
                }
            }
            return "";
        }
        if (documented.isArray()) {
            if (!answered.isArray() || answered.size() != documented.size()) {
                return at + " size";
            }
            for (int i = 0; i < documented.size(); i++) {
                String difference = matches(documented.get(i), answered.get(i), at + "[" + i + "]");
                if (!difference.isEmpty()) {
                    return difference;
                }
            }
            return "";
        }
        return documented.equals(answered) ? "" : at;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Whether a text matches a documented one where {@code …} is anything and {@code {name}} is
     * the value bound to it, or binds it when unbound.
     */
    private boolean matches(String documented, String actual) {
        if (actual == null) {
            return false;
        }
        StringBuilder regex = new StringBuilder();
        List<String> captured = new ArrayList<>();
        Matcher variable = VARIABLE.matcher(documented);
        int last = 0;
        while (variable.find()) {
            regex.append(literal(documented.substring(last, variable.start())));
            String name = variable.group(1);
            if (variables.containsKey(name)) {
                regex.append(Pattern.quote(variables.get(name)));
            } else {
                regex.append("([^/\\s]+?)");
                captured.add(name);
            }
            last = variable.end();
        }
        regex.append(literal(documented.substring(last)));
        Matcher match = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual);
        if (!match.matches()) {
            return false;
        }
        for (int i = 0; i < captured.size(); i++) {
            variables.put(captured.get(i), match.group(i + 1));
        }
        return true;
    }

    private static String literal(String text) {
        StringBuilder regex = new StringBuilder();
        String[] parts = text.split(ANY, -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*?");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return regex.toString();
    }

    private String substitute(String text) {
        Matcher variable = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            if (!variables.containsKey(name)) {
                throw new IllegalStateException("{" + name + "} is used before an answer gave it");
            }
            variable.appendReplacement(result, Matcher.quoteReplacement(variables.get(name)));
        }
        variable.appendTail(result);
        return result.toString();
    }

    /**
     * {@code storage-quota USER SIZE}, {@code mailbox USER NAME}, {@code two-collectors USER}
     * (an IMAP and a POP3 one), {@code await-run USER COLLECTOR RUN}.
     */
    private void setUp(GuiceJamesServer server, String step) throws Exception {
        String[] words = step.split("\\s+");
        switch (words[0]) {
            case "storage-quota":
                CollectorsServer.setStorageQuota(server, words[1], SettingValues.size(words[2]));
                return;
            case "mailbox":
                server.getProbe(MailboxProbeImpl.class).createMailbox(
                    MailboxPath.forUser(Username.of(words[1]), words[2]));
                return;
            case "two-collectors":
                Requests.create(server, words[1], Requests.imapBody("Jean"));
                Requests.create(server, words[1], Requests.pop3Body("Paul"));
                return;
            case "await-run":
                Requests.awaitRun(server, words[1], words[2], words[3]);
                return;
            default:
                throw new IllegalArgumentException("unknown test-setup step: " + step);
        }
    }
}
