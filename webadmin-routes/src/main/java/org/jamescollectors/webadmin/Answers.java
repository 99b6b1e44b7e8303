package org.jamescollectors.webadmin;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.jamescollectors.config.CollectorsConfiguration;
import org.jamescollectors.manage.CollectorServiceException;
import org.jamescollectors.security.NetworkRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import spark.Request;
import spark.Response;
import spark.Route;

/**
 * Turns handlers into Spark routes: runs them, writes their JSON, and writes every refusal
 * through {@link ErrorMapping}. Nothing a caller sends escapes as a 500; an unexpected failure is
 * logged and answered with James' server error body.
 */
final class Answers {
    private static final Logger LOGGER = LoggerFactory.getLogger(Answers.class);

    private Answers() {
    }

    /** A handler of a route, answering JSON or (for 204) nothing. */
    @FunctionalInterface
    interface Handler {
        Optional<JsonNode> handle(Request request, Response response)
            throws CollectorServiceException, ApiErrorException;
    }

    static Route route(Handler handler) {
        return (request, response) -> answer(handler, request, response);
    }

    private static String answer(Handler handler, Request request, Response response) {
        try {
            return handler.handle(request, response).map(CollectorJson::write).orElse("");
        } catch (CollectorServiceException e) {
            return error(response, ErrorMapping.of(e));
        } catch (ApiErrorException e) {
            return error(response, e.error());
        } catch (RuntimeException e) {
            LOGGER.error("Collector API failure on {} {}: {}", request.requestMethod(),
                request.pathInfo(), e.toString(), e);
            return error(response, ErrorMapping.unexpected());
        }
    }

    static String error(Response response, ApiError error) {
        response.status(error.status());
        error.headers().forEach(response::header);
        return CollectorJson.write(CollectorJson.error(error));
    }

    static ClientAddress client(Request request, CollectorsConfiguration configuration) {
        List<NetworkRange> proxies = configuration.api().trustedProxies();
        List<String> forwardedFor = Collections.list(request.raw().getHeaders("X-Forwarded-For"));
        return ClientAddress.of(PeerAddress.of(request.raw()), forwardedFor,
            Optional.ofNullable(request.headers("X-Forwarded-Proto")), proxies);
    }
}
