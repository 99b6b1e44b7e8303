package org.jamescollectors.webadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The users' page as WebAdmin serves it: its files, their types and the security headers. */
class CollectorsUiRoutesTest {
    @RegisterExtension
    @Order(1)
    static RemoteServers servers = new RemoteServers();

    @RegisterExtension
    @Order(2)
    static JamesServerExtension james = CollectorsServer.extension(servers, Map.of());

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static HttpResponse<String> get(GuiceJamesServer server, String rawPath)
        throws Exception {
        int port = server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort().getValue();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + rawPath)).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @CsvSource({
        "/collectors-ui/, text/html;charset=utf-8, <!DOCTYPE html>",
        "/collectors-ui/index.html, text/html;charset=utf-8, <!DOCTYPE html>",
        "/collectors-ui/app.js, text/javascript;charset=utf-8, 'use strict';",
        "/collectors-ui/style.css, text/css;charset=utf-8, * { box-sizing",
        "/collectors-ui/en.json, application/json;charset=utf-8, {",
        "/collectors-ui/fr.json, application/json;charset=utf-8, {"})
    void fileShouldBeServedWithItsTypeAndSecurityHeaders(String path, String type, String start,
                                                         GuiceJamesServer server)
        throws Exception {
        HttpResponse<String> response = get(server, path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")
            .map(value -> value.replace(" ", ""))).contains(type);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy"))
            .contains(CollectorsUiRoutes.CONTENT_SECURITY_POLICY);
        assertThat(response.body()).startsWith(start);
    }

    @Test
    void policyShouldAllowNoInlineScriptOrStyle() throws Exception {
        String policy = CollectorsUiRoutes.CONTENT_SECURITY_POLICY;

        assertThat(policy).contains("default-src 'none'", "script-src 'self';",
            "style-src 'self';", "frame-ancestors 'none'");
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "*", "data:");
    }

    @Test
    void pageShouldHoldNoInlineScriptOrStyle(GuiceJamesServer server) throws Exception {
        String page = get(server, "/collectors-ui/").body();

        assertThat(page).doesNotContain("<style", "style=", "onclick", "onload", "javascript:");
        assertThat(page).containsPattern("<script src=\"app.js\" defer></script>");
    }

    @Test
    void baseWithoutSlashShouldRedirectToThePage(GuiceJamesServer server) throws Exception {
        HttpResponse<String> response = get(server, "/collectors-ui");

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location").orElseThrow())
            .endsWith("/collectors-ui/");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/collectors-ui/missing.js",
        "/collectors-ui/..%2FCollectorRoutes.class",
        "/collectors-ui/%2e%2e%2fCollectorRoutes.class",
        "/collectors-ui/ui%2Fapp.js",
        "/collectors-ui/app.js%00.html",
        "/collectors-ui/..%5Capp.js",
        "/collectors-ui/APP.JS",
        "/collectors-ui/ui/../app.js/x"})
    void anythingElseShouldBeNotFound(String path, GuiceJamesServer server) throws Exception {
        HttpResponse<String> response = get(server, path);

        assertThat(response.statusCode()).isIn(400, 404);
        assertThat(response.body()).doesNotContain("use strict", "CAFEBABE");
    }
}
