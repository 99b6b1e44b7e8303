package org.jamescollectors.webadmin;

import static org.apache.james.webadmin.utils.ErrorResponder.ErrorType.NOT_FOUND;

import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.webadmin.PublicRoutes;
import org.jamescollectors.collect.Run;
import org.jamescollectors.config.CollectorsConfiguration;
import org.jamescollectors.manage.CollectorInput;
import org.jamescollectors.manage.CollectorService;
import org.jamescollectors.manage.CollectorServiceException;
import org.jamescollectors.manage.CollectorView;
import org.jamescollectors.manage.InvalidFieldException;
import org.jamescollectors.manage.provider.ProviderPresets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import spark.Request;
import spark.Response;
import spark.Route;
import spark.Service;

/**
 * The user routes under {@code /collectors}: each user manages their own collectors. A
 * {@link PublicRoutes}, so James' admin filter does not apply; every route checks the transport
 * and authenticates the calling user itself, and the service sees only that user's collectors.
 */
public final class CollectorRoutes implements PublicRoutes {
    public static final String BASE_PATH = "/collectors";
    static final String USAGE_PATH = BASE_PATH + "/usage";
    static final String PROVIDERS_PATH = BASE_PATH + "/providers";
    static final String FOLDERS_PATH = BASE_PATH + "/folders";
    static final String COLLECTOR_PATH = BASE_PATH + "/:id";
    static final String RUNS_PATH = COLLECTOR_PATH + "/runs";
    static final String RUN_PATH = RUNS_PATH + "/:runId";
    private static final Logger LOGGER = LoggerFactory.getLogger(CollectorRoutes.class);
    private static final String REQUEST_LOGGER =
        "org.apache.james.webadmin.mdc.LoggingRequestFilter";
    private static final String ID = ":id";
    private static final String RUN_ID = ":runId";

    private final CollectorService service;
    private final UserAuthentication authentication;
    private final TransportGuard transport;
    private final CollectorsConfiguration configuration;

    @Inject
    CollectorRoutes(CollectorService service, UserAuthentication authentication,
                    TransportGuard transport, CollectorsConfiguration configuration) {
        this.service = service;
        this.authentication = authentication;
        this.transport = transport;
        this.configuration = configuration;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        warnIfBodiesAreLogged();
        defineListCollectors(service);
        defineGetUsage(service);
        defineGetProviders(service);
        defineListFolders(service);
        defineCreateCollector(service);
        defineGetCollector(service);
        defineUpdateCollector(service);
        defineDeleteCollector(service);
        defineCollectNow(service);
        defineListRuns(service);
        defineGetRun(service);
    }

    private void defineListCollectors(Service service) {
        service.get(BASE_PATH, user(this::listCollectors));
    }

    private void defineGetUsage(Service service) {
        service.get(USAGE_PATH, user(this::getUsage));
    }

    private void defineGetProviders(Service service) {
        service.get(PROVIDERS_PATH, user(this::getProviders));
    }

    private void defineListFolders(Service service) {
        service.get(FOLDERS_PATH, user(this::listFolders));
    }

    private void defineCreateCollector(Service service) {
        service.post(BASE_PATH, user(this::createCollector));
    }

    private void defineGetCollector(Service service) {
        service.get(COLLECTOR_PATH, user(this::getCollector));
    }

    private void defineUpdateCollector(Service service) {
        service.patch(COLLECTOR_PATH, user(this::updateCollector));
    }

    private void defineDeleteCollector(Service service) {
        service.delete(COLLECTOR_PATH, user(this::deleteCollector));
    }

    private void defineCollectNow(Service service) {
        service.post(RUNS_PATH, user(this::collectNow));
    }

    private void defineListRuns(Service service) {
        service.get(RUNS_PATH, user(this::listRuns));
    }

    private void defineGetRun(Service service) {
        service.get(RUN_PATH, user(this::getRun));
    }

    private Optional<JsonNode> listCollectors(Username user, Request request, Response response) {
        return Optional.of(CollectorJson.collectors(service.list(user)));
    }

    private Optional<JsonNode> getUsage(Username user, Request request, Response response) {
        return Optional.of(CollectorJson.usage(service.usage(user)));
    }

    private Optional<JsonNode> getProviders(Username user, Request request, Response response)
        throws CollectorServiceException, ApiErrorException {
        String address = Optional.ofNullable(request.queryParams("address"))
            .orElseThrow(() -> new InvalidFieldException("address", "address is required, for"
                + " example ?address=jean@orange.fr"));
        ProviderPresets presets = service.presets(address).orElseThrow(() ->
            new ApiErrorException(ApiError.of(404, NOT_FOUND, "no settings are known for this"
                + " address; enter the server settings by hand")));
        return Optional.of(CollectorJson.presets(presets));
    }

    private Optional<JsonNode> listFolders(Username user, Request request, Response response) {
        return Optional.of(CollectorJson.names(service.folders(user)));
    }

    private Optional<JsonNode> createCollector(Username user, Request request, Response response)
        throws CollectorServiceException {
        CollectorView created = service.create(user, body(request));
        response.status(201);
        response.header("Location", BASE_PATH + "/" + created.collector().id().asString());
        return Optional.of(CollectorJson.collector(created));
    }

    private Optional<JsonNode> getCollector(Username user, Request request, Response response)
        throws CollectorServiceException {
        return Optional.of(CollectorJson.collector(service.get(user, request.params(ID))));
    }

    private Optional<JsonNode> updateCollector(Username user, Request request, Response response)
        throws CollectorServiceException {
        String id = request.params(ID);
        service.get(user, id); // someone else's collector answers 404 whatever the body
        return Optional.of(CollectorJson.collector(service.update(user, id, body(request))));
    }

    private Optional<JsonNode> deleteCollector(Username user, Request request, Response response)
        throws CollectorServiceException {
        service.delete(user, request.params(ID));
        response.status(204);
        return Optional.empty();
    }

    private Optional<JsonNode> collectNow(Username user, Request request, Response response)
        throws CollectorServiceException {
        String id = request.params(ID);
        Run run = service.collectNow(user, id);
        response.status(202);
        response.header("Location", BASE_PATH + "/" + run.collectorId().asString() + "/runs/"
            + run.id().asString());
        return Optional.of(CollectorJson.run(run));
    }

    private Optional<JsonNode> listRuns(Username user, Request request, Response response)
        throws CollectorServiceException {
        return Optional.of(CollectorJson.runs(service.runs(user, request.params(ID))));
    }

    private Optional<JsonNode> getRun(Username user, Request request, Response response)
        throws CollectorServiceException {
        return Optional.of(CollectorJson.run(service.run(user, request.params(ID),
            request.params(RUN_ID))));
    }

    /** James' request logger writes bodies, and so the remote passwords users send, at INFO. */
    private static void warnIfBodiesAreLogged() {
        if (LoggerFactory.getLogger(REQUEST_LOGGER).isInfoEnabled()) {
            LOGGER.warn("{} logs WebAdmin request bodies at INFO, and collector requests carry"
                + " remote passwords: set its level to WARN in logback.xml", REQUEST_LOGGER);
        }
    }

    /** A JSON body; refused unless sent as JSON, which also keeps plain HTML forms out. */
    private static CollectorInput body(Request request) throws InvalidFieldException {
        String type = Optional.ofNullable(request.contentType()).orElse("")
            .toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw new InvalidFieldException("body", "the request body must be sent as"
                + " Content-Type: application/json");
        }
        return CollectorJsonInput.parse(request.body());
    }

    /** Checks the transport, authenticates the caller, then runs the handler for them. */
    private Route user(UserHandler handler) {
        return Answers.route((request, response) -> {
            ClientAddress client = Answers.client(request, configuration);
            Optional<ApiError> refusal = transport.refusal(client);
            if (refusal.isPresent()) {
                throw new ApiErrorException(refusal.get());
            }
            boolean challenge = request.headers("X-Requested-With") == null;
            Username caller = authentication.authenticate(
                Optional.ofNullable(request.headers("Authorization")), client, challenge);
            return handler.handle(caller, request, response);
        });
    }

    @FunctionalInterface
    private interface UserHandler {
        Optional<JsonNode> handle(Username user, Request request, Response response)
            throws CollectorServiceException, ApiErrorException;
    }
}
