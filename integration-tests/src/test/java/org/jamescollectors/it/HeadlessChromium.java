package org.jamescollectors.it;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.jamescollectors.testing.Peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Debian's Chromium, headless, driven through {@code /usr/bin/chromedriver} with the W3C
 * WebDriver protocol (JSON over HTTP on loopback). Nothing is downloaded: the browser and its
 * driver are the installed packages, with a fresh profile folder per session.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final Path profile;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private String session;

    private HeadlessChromium(Process driver, Path profile, int port) {
        this.driver = driver;
        this.profile = profile;
        this.base = "http://127.0.0.1:" + port;
    }

    /** Skips the test (or fails it when peers are required) unless both packages are here. */
    static void assumeInstalled() {
        Peers.assumeInstalled(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
            "Chromium with its driver", "apt-get install chromium chromium-driver");
    }

    /** A browser whose preferred language is {@code language} (an Accept-Language value). */
    static HeadlessChromium start(String language) throws Exception {
        int port = freePort();
        Path profile = Files.createTempDirectory("chromium-profile");
        Process driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port,
            "--allowed-ips=127.0.0.1")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(driverLog()))
            .start();
        HeadlessChromium chromium = new HeadlessChromium(driver, profile, port);
        try {
            chromium.awaitDriver();
            chromium.openSession(language);
        } catch (Exception e) {
            chromium.close();
            throw e;
        }
        return chromium;
    }

    private static File driverLog() throws IOException {
        Path target = Paths.get("target");
        Files.createDirectories(target);
        return target.resolve("chromedriver.log").toFile();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitDriver() throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (call("GET", "/status", null).path("ready").asBoolean()) {
                    return;
                }
            } catch (IOException notYet) {
                // chromedriver is still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("chromedriver did not get ready within " + WAIT);
    }

    private void openSession(String language) throws Exception {
        List<String> arguments = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--hide-scrollbars", "--lang=" + language, "--user-data-dir=" + profile);
        Map<String, Object> options = Map.of("binary", CHROMIUM.toString(), "args", arguments,
            "prefs", Map.of("intl.accept_languages", language));
        Map<String, Object> capabilities = Map.of("capabilities", Map.of("alwaysMatch",
            Map.of("browserName", "chrome", "goog:chromeOptions", options)));
        session = call("POST", "/session", capabilities).path("sessionId").asText();
    }

    void open(String url) throws Exception {
        command("POST", "/url", Map.of("url", url));
    }

    /** The first element matching the CSS selector, waiting until there is one. */
    String find(String selector) throws Exception {
        awaitTrue(() -> !findAll(selector).isEmpty(), "an element " + selector);
        return findAll(selector).get(0);
    }

    List<String> findAll(String selector) {
        try {
            JsonNode found = command("POST", "/elements",
                Map.of("using", "css selector", "value", selector));
            List<String> ids = new ArrayList<>();
            found.forEach(element -> ids.add(element.path(ELEMENT).asText()));
            return ids;
        } catch (Exception e) {
            throw new IllegalStateException("cannot look for " + selector, e);
        }
    }

    /** Waits until an element matching the selector is displayed. */
    String visible(String selector) throws Exception {
        awaitTrue(() -> findAll(selector).stream().anyMatch(this::displayed),
            "a visible " + selector);
        return findAll(selector).stream().filter(this::displayed).findFirst().orElseThrow();
    }

    boolean displayed(String element) {
        try {
            return command("GET", "/element/" + element + "/displayed", null).asBoolean();
        } catch (Exception staleOrGone) {
            return false;
        }
    }

    void click(String selector) throws Exception {
        command("POST", "/element/" + visible(selector) + "/click", Map.of());
    }

    /** Clears the field and types the text into it. */
    void type(String selector, String text) throws Exception {
        String element = visible(selector);
        command("POST", "/element/" + element + "/clear", Map.of());
        command("POST", "/element/" + element + "/value", Map.of("text", text));
    }

    /** Types into whatever has the focus (WebDriver key codes such as TAB allowed). */
    void typeIntoFocused(String text) throws Exception {
        String element = command("GET", "/element/active", null).path(ELEMENT).asText();
        command("POST", "/element/" + element + "/value", Map.of("text", text));
    }

    String text(String selector) throws Exception {
        return command("GET", "/element/" + visible(selector) + "/text", null).asText();
    }

    String value(String selector) throws Exception {
        return command("GET", "/element/" + find(selector) + "/property/value", null).asText();
    }

    /** Waits until the selected element's text contains {@code part}; returns the text. */
    String awaitText(String selector, String part) throws Exception {
        awaitTrue(() -> {
            try {
                return text(selector).contains(part);
            } catch (Exception notYet) {
                return false;
            }
        }, "\"" + part + "\" in " + selector);
        return text(selector);
    }

    JsonNode script(String body, Object... arguments) throws Exception {
        return command("POST", "/execute/sync", Map.of("script", body, "args",
            List.of(arguments)));
    }

    void windowSize(int width, int height) throws Exception {
        command("POST", "/window/rect", Map.of("width", width, "height", height));
    }

    /** Saves a PNG of the whole page at this width (the window grows to the page's height). */
    void screenshot(Path file, int width) throws Exception {
        windowSize(width, 800);
        JsonNode sizes = script("return [document.documentElement.scrollHeight,"
            + " window.outerHeight - window.innerHeight];");
        int height = sizes.get(0).asInt() + sizes.get(1).asInt();
        windowSize(width, Math.max(800, Math.min(height, 5000)));
        script("window.scrollTo(0, 0);");
        String png = command("GET", "/screenshot", null).asText();
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    void awaitTrue(BooleanSupplier condition, String what) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what);
            }
            Thread.sleep(100);
        }
    }

    private JsonNode command(String method, String path, Object body) throws Exception {
        return call(method, "/session/" + session + path, body);
    }

    private JsonNode call(String method, String path, Object body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json; charset=utf-8")
            .method(method, publisher)
            .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode value = JSON.readTree(response.body()).path("value");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("WebDriver " + method + " " + path + ": "
                + value.path("error").asText() + ": " + value.path("message").asText());
        }
        return value;
    }

    @Override
    public void close() throws Exception {
        try {
            if (session != null) {
                call("DELETE", "/session/" + session, null);
            }
        } finally {
            driver.destroy();
            if (!driver.waitFor(10, TimeUnit.SECONDS)) {
                driver.destroyForcibly();
            }
            deleteProfile();
        }
    }

    private void deleteProfile() throws IOException {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }
}
