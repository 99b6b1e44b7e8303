package org.jamescollectors.webadmin;

import static org.apache.james.webadmin.utils.ErrorResponder.ErrorType.SERVER_ERROR;
import static org.apache.james.webadmin.utils.ErrorResponder.ErrorType.WRONG_STATE;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.core.Username;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.webadmin.WebAdminConfiguration;
import org.jamescollectors.config.CollectorsConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells which James user calls the user routes: HTTP Basic with their James login and password,
 * or a Bearer JWT verified with the keys named in {@code api.jwt.publicKeys} whose {@code sub} is
 * an existing user. Failures are throttled per login and per client address. Never logs a
 * password or a token.
 */
@Singleton
final class UserAuthentication {
    private static final Logger LOGGER = LoggerFactory.getLogger(UserAuthentication.class);
    static final String CHALLENGE = "Basic realm=\"collectors\"";
    private static final String BASIC = "basic ";
    private static final String BEARER = "bearer ";

    private final UsersRepository users;
    private final UserTokens tokens;
    private final SignInThrottle throttle;

    private UserAuthentication(UsersRepository users, UserTokens tokens, SignInThrottle throttle) {
        this.users = users;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    @Inject
    UserAuthentication(UsersRepository users, CollectorsConfiguration configuration,
                       FileSystem fileSystem, Clock clock, WebAdminConfiguration webAdmin) {
        this(users, UserTokens.load(configuration.api().jwtPublicKeys(), fileSystem),
            SignInThrottle.of(configuration.api(), clock));
        webAdmin.getJwtPublicKey()
            .map(pem -> UserTokens.parsePem(pem, "webadmin.properties jwt.publickeypem.url"))
            .filter(tokens::uses)
            .ifPresent(key -> LOGGER.warn("{} includes WebAdmin's admin key: whoever mints user"
                + " tokens can also mint admin tokens. Give user tokens a key of their own.",
                UserTokens.SETTING));
    }

    static UserAuthentication of(UsersRepository users, UserTokens tokens,
                                 SignInThrottle throttle) {
        return new UserAuthentication(users, tokens, throttle);
    }

    /**
     * The calling user.
     *
     * @param authorization the {@code Authorization} header, if any
     * @param challenge whether a 401 should carry the Basic challenge
     * @throws ApiErrorException 401 for missing or wrong credentials, 429 while throttled
     */
    Username authenticate(Optional<String> authorization, ClientAddress client, boolean challenge)
        throws ApiErrorException {
        String header = authorization.map(String::strip).orElse("");
        String scheme = header.toLowerCase(Locale.ROOT);
        if (scheme.startsWith(BASIC)) {
            return basic(header.substring(BASIC.length()).strip(), client, challenge);
        }
        if (scheme.startsWith(BEARER)) {
            return bearer(header.substring(BEARER.length()).strip(), client, challenge);
        }
        throw unauthorized(challenge);
    }

    private Username basic(String encoded, ClientAddress client, boolean challenge)
        throws ApiErrorException {
        Optional<String> decoded = decode(encoded);
        int colon = decoded.map(text -> text.indexOf(':')).orElse(-1);
        if (colon <= 0) {
            refuse(Optional.empty(), client);
            throw unauthorized(challenge);
        }
        String login = decoded.get().substring(0, colon);
        checkNotBlocked(Optional.of(login), client);
        Optional<Username> user = verifyPassword(login, decoded.get().substring(colon + 1));
        if (user.isEmpty()) {
            refuse(Optional.of(login), client);
            throw unauthorized(challenge);
        }
        throttle.succeeded(login);
        return user.get();
    }

    private Optional<Username> verifyPassword(String login, String password)
        throws ApiErrorException {
        try {
            Username username = Username.of(login);
            return users.test(username, password) ? Optional.of(username) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        } catch (UsersRepositoryException e) {
            LOGGER.error("Cannot check a collector user's password: {}", e.toString());
            throw new ApiErrorException(ApiError.of(503, SERVER_ERROR,
                "the users repository cannot be reached; try again later"));
        }
    }

    private Username bearer(String token, ClientAddress client, boolean challenge)
        throws ApiErrorException {
        checkNotBlocked(Optional.empty(), client);
        Optional<Username> user = tokens.subject(token).flatMap(this::existingUser);
        if (user.isEmpty()) {
            refuse(Optional.empty(), client);
            throw unauthorized(challenge);
        }
        return user.get();
    }

    private Optional<Username> existingUser(String subject) {
        try {
            Username username = Username.of(subject);
            return users.contains(username) ? Optional.of(username) : Optional.empty();
        } catch (IllegalArgumentException | UsersRepositoryException e) {
            return Optional.empty();
        }
    }

    private void checkNotBlocked(Optional<String> login, ClientAddress client)
        throws ApiErrorException {
        Optional<Duration> blocked = throttle.blocked(login, client);
        if (blocked.isPresent()) {
            long seconds = Math.max(1, (blocked.get().toMillis() + 999) / 1000);
            throw new ApiErrorException(ErrorMapping.retryLater("too many failed sign-ins; try"
                + " again later", seconds).code("too-many-attempts"));
        }
    }

    private void refuse(Optional<String> login, ClientAddress client) {
        LOGGER.info("Collector API sign-in refused: client={}", client);
        throttle.failed(login, client);
    }

    private static Optional<String> decode(String encoded) {
        try {
            return Optional.of(new String(Base64.getDecoder().decode(encoded),
                StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ApiErrorException unauthorized(boolean challenge) {
        ApiError error = ApiError.of(401, WRONG_STATE, "sign in with your mail account: HTTP Basic"
            + " with your login and password, or a Bearer token").code("authentication-required");
        return new ApiErrorException(challenge ? error.header("WWW-Authenticate", CHALLENGE)
            : error);
    }
}
