package org.jamescollectors.delivery;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

/**
 * The attributes a collected mail carries through James' mailet pipeline. Operators may match on
 * them, for example {@code match="HasAttribute=org.jamescollectors.collector.id"}.
 */
public final class CollectedMailAttributes {
    public static final AttributeName COLLECTOR_ID =
        AttributeName.of("org.jamescollectors.collector.id");
    public static final AttributeName COLLECTOR_NAME =
        AttributeName.of("org.jamescollectors.collector.name");
    public static final AttributeName MESSAGE_KEY =
        AttributeName.of("org.jamescollectors.message.key");
    public static final AttributeName OWNER =
        AttributeName.of("org.jamescollectors.owner");
    public static final AttributeName TARGET_FOLDER =
        AttributeName.of("org.jamescollectors.target.folder");
    public static final AttributeName INTERNAL_DATE =
        AttributeName.of("org.jamescollectors.internal.date");
    /** Set by {@link CollectorSieve}: the Sieve actions run, in order, comma separated. */
    public static final AttributeName SIEVE_ACTIONS =
        AttributeName.of("org.jamescollectors.sieve.actions");
    /** Set by {@link CollectorDelivery} once stored: the mailbox name. */
    public static final AttributeName STORED_IN =
        AttributeName.of("org.jamescollectors.delivery.stored");
    /** Set by {@link CollectorDelivery} when storing failed: why. */
    public static final AttributeName FAILURE =
        AttributeName.of("org.jamescollectors.delivery.failure");
    /** Set by {@link CollectorDelivery} with {@link #FAILURE} when the owner is over quota. */
    public static final AttributeName OVER_QUOTA =
        AttributeName.of("org.jamescollectors.delivery.overQuota");

    private CollectedMailAttributes() {
    }

    static void set(Mail mail, AttributeName name, String value) {
        mail.setAttribute(new Attribute(name, AttributeValue.of(value)));
    }

    static Optional<String> get(Mail mail, AttributeName name) {
        return AttributeUtils.getValueAndCastFromMail(mail, name, String.class);
    }

    /** The owner of a collected mail; empty for any other mail. */
    static Optional<Username> owner(Mail mail) {
        return get(mail, OWNER).map(Username::of);
    }

    static Optional<String> targetFolder(Mail mail) {
        return get(mail, TARGET_FOLDER);
    }

    static Optional<Instant> internalDate(Mail mail) {
        try {
            return get(mail, INTERNAL_DATE).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static void appendSieveAction(Mail mail, String action) {
        String actions = get(mail, SIEVE_ACTIONS).map(done -> done + "," + action).orElse(action);
        set(mail, SIEVE_ACTIONS, actions);
    }
}
