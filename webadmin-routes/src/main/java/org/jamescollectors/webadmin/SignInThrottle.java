package org.jamescollectors.webadmin;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.jamescollectors.config.ApiSettings;
import org.jamescollectors.manage.AttemptCounter;

/**
 * Slows down and then stops password guessing: failed sign-ins are counted per login and,
 * with a much higher threshold since a webmail puts many users behind one address, per client
 * address. From the third failure of a login its answers are delayed; at the threshold, further
 * attempts are refused with a retry delay until the window ends, right password or not.
 */
final class SignInThrottle {
    private static final int DELAY_FROM = 3;

    private final AttemptCounter logins;
    private final AttemptCounter addresses;
    private final Duration delay;

    private SignInThrottle(AttemptCounter logins, AttemptCounter addresses, Duration delay) {
        this.logins = logins;
        this.addresses = addresses;
        this.delay = delay;
    }

    static SignInThrottle of(ApiSettings api, Clock clock) {
        return new SignInThrottle(
            AttemptCounter.of(api.maxFailuresPerLogin(), api.failureWindow(), clock),
            AttemptCounter.of(api.maxFailuresPerAddress(), api.failureWindow(), clock),
            api.failureDelay());
    }

    /** How long the caller must wait, if either its login or its address is blocked. */
    Optional<Duration> blocked(Optional<String> login, ClientAddress client) {
        Optional<Duration> byLogin = login.flatMap(name -> logins.blockedFor(key(name)));
        Optional<Duration> byAddress = addresses.blockedFor(client.key());
        if (byLogin.isPresent() && byAddress.isPresent()) {
            return Optional.of(byLogin.get().compareTo(byAddress.get()) > 0
                ? byLogin.get() : byAddress.get());
        }
        return byLogin.or(() -> byAddress);
    }

    /** Counts a failure, then holds the thread for the delay once the login failed often. */
    void failed(Optional<String> login, ClientAddress client) {
        addresses.record(client.key());
        int failures = login.map(name -> logins.record(key(name))).orElse(0);
        if (failures >= DELAY_FROM && !delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void succeeded(String login) {
        logins.reset(key(login));
    }

    private static String key(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }
}
