package org.jamescollectors.it;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.james.GuiceJamesServer;
import org.apache.james.utils.WebAdminGuiceProbe;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Requests to the users' routes of a server started by {@link CollectorsJames#withUserRoutes},
 * signed in as a James user with HTTP Basic and sending JSON, the way a webmail calls them.
 */
final class UserApi {
    private UserApi() {
    }

    static RequestSpecification as(GuiceJamesServer james, String user, String password) {
        int port = james.getProbe(WebAdminGuiceProbe.class).getWebAdminPort().getValue();
        String credentials = Base64.getEncoder().encodeToString(
            (user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new RequestSpecBuilder()
            .setBaseUri("http://127.0.0.1")
            .setPort(port)
            .setConfig(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                .defaultContentCharset(StandardCharsets.UTF_8)
                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
            .addHeader("Authorization", "Basic " + credentials)
            .setContentType(ContentType.JSON)
            .build();
    }
}
