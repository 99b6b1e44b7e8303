package org.jamescollectors.webadmin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorState;
import org.jamescollectors.collect.Problem;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Run;
import org.jamescollectors.manage.CollectorStatistics;
import org.jamescollectors.manage.CollectorView;
import org.jamescollectors.manage.Usage;
import org.jamescollectors.manage.provider.ProviderPresets;
import org.jamescollectors.manage.provider.ServerSettings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the API's JSON. Every documented field is always present, {@code null} when it does not
 * apply; times are ISO-8601 UTC to the second. The password is never written.
 */
final class CollectorJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CollectorJson() {
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    static ArrayNode collectors(List<CollectorView> views) {
        ArrayNode array = MAPPER.createArrayNode();
        views.forEach(view -> array.add(collector(view)));
        return array;
    }

    static ObjectNode collector(CollectorView view) {
        Collector collector = view.collector();
        RemoteAccount account = collector.account();
        ObjectNode node = MAPPER.createObjectNode()
            .put("id", collector.id().asString())
            .put("name", collector.name())
            .put("protocol", account.protocol().wireName())
            .put("host", account.host())
            .put("port", account.port())
            .put("security", account.security().wireName())
            .put("username", account.username())
            .put("passwordSet", true)
            .put("sourceFolder", account.sourceFolder().orElse(null))
            .put("fetchAll", collector.retention().fetchAllMessages())
            .put("deleteAfterFetch", collector.retention().deleteAfterFetch())
            .put("targetFolder", collector.targetFolder().orElse(null))
            .put("targetFolderExists", view.targetFolderExists().orElse(null))
            .put("enabled", collector.enabled())
            .put("createdAt", time(collector.createdAt()));
        node.set("status", status(view));
        return node;
    }

    private static ObjectNode status(CollectorView view) {
        Collector collector = view.collector();
        ObjectNode node = MAPPER.createObjectNode().put("state", collector.state().wireName());
        node.set("problem", collector.problem().map(CollectorJson::problem)
            .map(JsonNode.class::cast).orElse(MAPPER.nullNode()));
        node.set("lastRun", view.lastRun().map(CollectorJson::run)
            .map(JsonNode.class::cast).orElse(MAPPER.nullNode()));
        node.put("nextRun", view.nextRun().map(CollectorJson::time).orElse(null));
        return node;
    }

    private static ObjectNode problem(Problem problem) {
        return MAPPER.createObjectNode()
            .put("code", problem.code())
            .put("message", problem.message())
            .put("since", time(problem.since()))
            .put("retryAt", problem.retryAt().map(CollectorJson::time).orElse(null));
    }

    static ArrayNode runs(List<Run> runs) {
        ArrayNode array = MAPPER.createArrayNode();
        runs.forEach(run -> array.add(run(run)));
        return array;
    }

    static ObjectNode run(Run run) {
        ObjectNode node = MAPPER.createObjectNode()
            .put("id", run.id().asString())
            .put("trigger", run.trigger().wireName())
            .put("startedAt", time(run.startedAt()))
            .put("finishedAt", run.finishedAt().map(CollectorJson::time).orElse(null))
            .put("outcome", run.outcome().wireName())
            .put("messages", run.messages())
            .put("bytes", run.bytes())
            .put("skipped", run.skipped());
        node.set("error", run.error()
            .map(error -> (JsonNode) MAPPER.createObjectNode().put("code", error.code())
                .put("message", error.message()))
            .orElse(MAPPER.nullNode()));
        return node;
    }

    static ObjectNode usage(Usage usage) {
        return MAPPER.createObjectNode().put("used", usage.used()).put("allowed", usage.allowed());
    }

    static ArrayNode names(List<String> names) {
        ArrayNode array = MAPPER.createArrayNode();
        names.forEach(array::add);
        return array;
    }

    static ObjectNode presets(ProviderPresets presets) {
        ObjectNode node = MAPPER.createObjectNode()
            .put("domain", presets.domain())
            .put("provider", presets.provider().orElse(null))
            .put("hint", presets.hint().orElse(null));
        ArrayNode settings = node.putArray("settings");
        presets.settings().forEach(server -> settings.add(server(server)));
        return node;
    }

    private static ObjectNode server(ServerSettings server) {
        return MAPPER.createObjectNode()
            .put("protocol", server.protocol().wireName())
            .put("host", server.host())
            .put("port", server.port())
            .put("security", server.security().wireName());
    }

    static ObjectNode statistics(CollectorStatistics statistics) {
        ObjectNode node = MAPPER.createObjectNode();
        ObjectNode collectors = node.putObject("collectors").put("total", statistics.total());
        for (CollectorState state : CollectorState.values()) {
            collectors.put(state.wireName(), statistics.count(state));
        }
        counts(node.putObject("problems"), statistics.byProblem());
        ObjectNode runs = node.putObject("runs")
            .put("total", statistics.runs().runs())
            .put("messages", statistics.runs().messages())
            .put("bytes", statistics.runs().bytes());
        counts(runs.putObject("failuresByKind"), new TreeMap<>(
            statistics.runs().failuresByCode()));
        node.put("collectionPaused", statistics.collectionPaused());
        return node;
    }

    private static void counts(ObjectNode node, Map<String, ? extends Number> counts) {
        counts.forEach((key, value) -> node.put(key, value.longValue()));
    }

    static ObjectNode paused(boolean paused) {
        return MAPPER.createObjectNode().put("collectionPaused", paused);
    }

    static ObjectNode count(String name, int count) {
        return MAPPER.createObjectNode().put(name, count);
    }

    /** James' WebAdmin error body, then our fields where they apply. */
    static ObjectNode error(ApiError error) {
        ObjectNode node = MAPPER.createObjectNode()
            .put("statusCode", error.status())
            .put("type", error.type().getType())
            .put("message", error.message())
            .putNull("details");
        error.field().ifPresent(field -> node.put("field", field));
        error.code().ifPresent(code -> node.put("code", code));
        error.hint().ifPresent(hint -> node.put("hint", hint.orElse(null)));
        return node;
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
