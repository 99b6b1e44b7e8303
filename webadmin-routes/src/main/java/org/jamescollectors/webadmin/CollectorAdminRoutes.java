package org.jamescollectors.webadmin;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.webadmin.Routes;
import org.jamescollectors.manage.CollectorAdministration;
import org.jamescollectors.manage.CollectorServiceException;
import org.jamescollectors.manage.InvalidFieldException;

import com.fasterxml.jackson.databind.JsonNode;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The operator routes under {@code /collectors-admin}, behind James' WebAdmin authentication:
 * totals, pausing and resuming all collection, and following the deletion or rename of a user.
 * No route shows a user's collectors.
 */
public final class CollectorAdminRoutes implements Routes {
    public static final String BASE_PATH = "/collectors-admin";
    static final String STATS_PATH = BASE_PATH + "/stats";
    static final String PAUSE_PATH = BASE_PATH + "/pause";
    static final String RESUME_PATH = BASE_PATH + "/resume";
    static final String USER_PATH = BASE_PATH + "/users/:username";
    static final String RENAME_PATH = USER_PATH + "/rename/:newUsername";
    private static final String USERNAME = ":username";
    private static final String NEW_USERNAME = ":newUsername";

    private final CollectorAdministration administration;

    @Inject
    CollectorAdminRoutes(CollectorAdministration administration) {
        this.administration = administration;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        defineGetStatistics(service);
        definePause(service);
        defineResume(service);
        defineRemoveUser(service);
        defineRenameUser(service);
    }

    private void defineGetStatistics(Service service) {
        service.get(STATS_PATH, Answers.route(this::getStatistics));
    }

    private void definePause(Service service) {
        service.post(PAUSE_PATH, Answers.route(this::pause));
    }

    private void defineResume(Service service) {
        service.post(RESUME_PATH, Answers.route(this::resume));
    }

    private void defineRemoveUser(Service service) {
        service.delete(USER_PATH, Answers.route(this::removeUser));
    }

    private void defineRenameUser(Service service) {
        service.post(RENAME_PATH, Answers.route(this::renameUser));
    }

    private Optional<JsonNode> getStatistics(Request request, Response response) {
        return Optional.of(CollectorJson.statistics(administration.statistics()));
    }

    private Optional<JsonNode> pause(Request request, Response response) {
        administration.pause();
        return Optional.of(CollectorJson.paused(administration.paused()));
    }

    private Optional<JsonNode> resume(Request request, Response response) {
        administration.resume();
        return Optional.of(CollectorJson.paused(administration.paused()));
    }

    private Optional<JsonNode> removeUser(Request request, Response response)
        throws CollectorServiceException {
        Username user = username(request.params(USERNAME), "username");
        return Optional.of(CollectorJson.count("removed", administration.removeOwner(user)));
    }

    private Optional<JsonNode> renameUser(Request request, Response response)
        throws CollectorServiceException {
        Username from = username(request.params(USERNAME), "username");
        Username to = username(request.params(NEW_USERNAME), "newUsername");
        return Optional.of(CollectorJson.count("moved", administration.renameOwner(from, to)));
    }

    private static Username username(String value, String field) throws InvalidFieldException {
        try {
            return Username.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, field + " is not a valid user name");
        }
    }
}
