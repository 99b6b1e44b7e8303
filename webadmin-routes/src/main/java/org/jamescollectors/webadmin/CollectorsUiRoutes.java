package org.jamescollectors.webadmin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

import org.apache.james.webadmin.PublicRoutes;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The users' web page under {@code /collectors-ui/}: a fixed set of static files from this jar.
 * Only the names listed here are served, so no path can reach anything else. The page calls
 * {@code /collectors} from the same origin and holds no secret of its own.
 */
public final class CollectorsUiRoutes implements PublicRoutes {
    public static final String BASE_PATH = "/collectors-ui";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self';"
        + " style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none';"
        + " form-action 'none'; frame-ancestors 'none'";
    private static final String RESOURCES = "ui/";
    private static final String INDEX = "index.html";
    private static final String HTML = "text/html; charset=utf-8";
    private static final String JSON = "application/json; charset=utf-8";
    private static final Map<String, String> FILES = Map.of(
        INDEX, HTML,
        "app.js", "text/javascript; charset=utf-8",
        "style.css", "text/css; charset=utf-8",
        "en.json", JSON,
        "fr.json", JSON);

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        defineRedirectToIndex(service);
        defineIndex(service);
        defineFile(service);
    }

    private void defineRedirectToIndex(Service service) {
        service.get(BASE_PATH, (request, response) -> {
            response.redirect(BASE_PATH + "/", 301);
            return "";
        });
    }

    private void defineIndex(Service service) {
        service.get(BASE_PATH + "/", (request, response) -> serve(INDEX, response));
    }

    private void defineFile(Service service) {
        service.get(BASE_PATH + "/:file", this::serveFile);
    }

    private Object serveFile(Request request, Response response) {
        String name = request.params(":file");
        if (!FILES.containsKey(name)) {
            return notFound(response);
        }
        return serve(name, response);
    }

    private Object serve(String name, Response response) {
        Optional<byte[]> content = read(name);
        if (content.isEmpty()) {
            return notFound(response);
        }
        secure(response);
        response.type(FILES.get(name));
        response.header("Cache-Control", "no-cache");
        return content.get();
    }

    private static Object notFound(Response response) {
        secure(response);
        response.status(404);
        response.type("text/plain; charset=utf-8");
        return "not found\n";
    }

    private static void secure(Response response) {
        response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "no-referrer");
        response.header("X-Frame-Options", "DENY");
    }

    private static Optional<byte[]> read(String name) {
        try (InputStream in = CollectorsUiRoutes.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
