package org.jamescollectors.manage;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.Password;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Retention;
import org.jamescollectors.collect.Security;

/**
 * The fields of a collector after a request's input is laid over the collector as stored (or
 * over the defaults, for a new one), every value checked. Building one changes nothing.
 */
final class CollectorEdit {
    private final String name;
    private final RemoteAccount account;
    private final Optional<Password> newPassword;
    private final Retention retention;
    private final Optional<String> targetFolder;
    private final boolean enabled;

    private CollectorEdit(Merge merge) throws InvalidFieldException {
        this.name = merge.name();
        this.account = merge.account();
        this.newPassword = merge.password();
        this.retention = merge.retention();
        this.targetFolder = merge.targetFolder();
        this.enabled = merge.input.bool(CollectorField.ENABLED)
            .orElse(merge.base.map(Collector::enabled).orElse(true));
    }

    /** A new collector's fields; name, protocol, host, username and password are required. */
    static CollectorEdit forCreation(CollectorInput input) throws InvalidFieldException {
        return new CollectorEdit(new Merge(input, Optional.empty()));
    }

    static CollectorEdit forChange(Collector base, CollectorInput input)
        throws InvalidFieldException {
        return new CollectorEdit(new Merge(input, Optional.of(base)));
    }

    /** Refuses what the operator does not allow: unencrypted sessions, ports off the list. */
    void checkPolicy(Set<Integer> allowedPorts, boolean allowPlaintext)
        throws InvalidFieldException {
        if (account.security() == Security.NONE && !allowPlaintext) {
            throw new InvalidFieldException(CollectorField.SECURITY, "this server does not collect"
                + " over unencrypted connections; choose tls or starttls");
        }
        if (!allowedPorts.contains(account.port())) {
            throw new InvalidFieldException(CollectorField.PORT, "port " + account.port()
                + " is not allowed on this server; allowed ports: " + new TreeSet<>(allowedPorts));
        }
    }

    String name() {
        return name;
    }

    RemoteAccount account() {
        return account;
    }

    Optional<Password> newPassword() {
        return newPassword;
    }

    Retention retention() {
        return retention;
    }

    Optional<String> targetFolder() {
        return targetFolder;
    }

    boolean enabled() {
        return enabled;
    }

    /** Reads each field from the input, else from the stored collector, else its default. */
    private static final class Merge {
        private final CollectorInput input;
        private final Optional<Collector> base;

        private Merge(CollectorInput input, Optional<Collector> base) {
            this.input = input;
            this.base = base;
        }

        String name() throws InvalidFieldException {
            Optional<String> given = input.string(CollectorField.NAME);
            if (given.isPresent()) {
                return FieldRules.name(given.get());
            }
            return base.map(Collector::name).orElseThrow(() -> required(CollectorField.NAME));
        }

        RemoteAccount account() throws InvalidFieldException {
            Protocol protocol = protocol();
            Security security = security();
            String host = text(CollectorField.HOST, FieldRules::host, RemoteAccount::host);
            String username = text(CollectorField.USERNAME, FieldRules::username,
                RemoteAccount::username);
            int port = port(protocol, security);
            Optional<String> folder = sourceFolder(protocol);
            return RemoteAccount.of(protocol, host, port, security, username, folder);
        }

        private Protocol protocol() throws InvalidFieldException {
            Optional<String> given = input.string(CollectorField.PROTOCOL);
            if (given.isPresent()) {
                return FieldRules.protocol(given.get());
            }
            return base.map(collector -> collector.account().protocol())
                .orElseThrow(() -> required(CollectorField.PROTOCOL));
        }

        private Security security() throws InvalidFieldException {
            Optional<String> given = input.string(CollectorField.SECURITY);
            if (given.isPresent()) {
                return FieldRules.security(given.get());
            }
            return base.map(collector -> collector.account().security()).orElse(Security.TLS);
        }

        /** A default port follows a change of protocol or security; a chosen port stays. */
        private int port(Protocol protocol, Security security) throws InvalidFieldException {
            Optional<Integer> given = input.integer(CollectorField.PORT);
            if (given.isPresent()) {
                return FieldRules.port(given.get());
            }
            if (base.isEmpty()) {
                return protocol.defaultPort(security);
            }
            RemoteAccount old = base.get().account();
            boolean wasDefault = old.port() == old.protocol().defaultPort(old.security());
            return wasDefault ? protocol.defaultPort(security) : old.port();
        }

        private Optional<String> sourceFolder(Protocol protocol) throws InvalidFieldException {
            Optional<String> given = input.string(CollectorField.SOURCE_FOLDER);
            if (protocol == Protocol.POP3) {
                if (given.isPresent()) {
                    throw new InvalidFieldException(CollectorField.SOURCE_FOLDER, "sourceFolder is"
                        + " for IMAP only: POP3 has no folders; leave it out or null");
                }
                return Optional.empty();
            }
            if (given.isPresent()) {
                return Optional.of(FieldRules.sourceFolder(given.get()));
            }
            if (input.given(CollectorField.SOURCE_FOLDER)) {
                return Optional.empty();
            }
            return base.flatMap(collector -> collector.account().sourceFolder());
        }

        Optional<Password> password() throws InvalidFieldException {
            Optional<String> given = input.string(CollectorField.PASSWORD);
            if (given.isPresent()) {
                return Optional.of(Password.of(FieldRules.password(given.get())));
            }
            if (base.isEmpty()) {
                throw required(CollectorField.PASSWORD);
            }
            return Optional.empty();
        }

        /** {@code fetchAll: true} alone also deletes; with {@code deleteAfterFetch: false}, no. */
        Retention retention() throws InvalidFieldException {
            Optional<Retention> old = base.map(Collector::retention);
            boolean fetchAll = input.bool(CollectorField.FETCH_ALL)
                .orElse(old.map(Retention::fetchAllMessages).orElse(true));
            boolean delete = input.bool(CollectorField.DELETE_AFTER_FETCH).orElseGet(() ->
                fetchAll || old.map(Retention::deleteAfterFetch).orElse(false));
            if (fetchAll && !delete) {
                throw new InvalidFieldException(CollectorField.DELETE_AFTER_FETCH, "fetchAll"
                    + " collects every message and always deletes it from the remote server; set"
                    + " fetchAll to false to keep copies there");
            }
            return Retention.of(fetchAll, delete);
        }

        Optional<String> targetFolder() throws InvalidFieldException {
            Optional<String> given = input.string(CollectorField.TARGET_FOLDER);
            if (given.isPresent()) {
                return Optional.of(FieldRules.targetFolder(given.get()));
            }
            if (input.given(CollectorField.TARGET_FOLDER)) {
                return Optional.empty();
            }
            return base.flatMap(Collector::targetFolder);
        }

        private String text(CollectorField field, Rule rule,
                            Function<RemoteAccount, String> stored)
            throws InvalidFieldException {
            Optional<String> given = input.string(field);
            if (given.isPresent()) {
                return rule.apply(given.get());
            }
            return base.map(collector -> stored.apply(collector.account()))
                .orElseThrow(() -> required(field));
        }

        private static InvalidFieldException required(CollectorField field) {
            return new InvalidFieldException(field, field.wireName() + " is required");
        }
    }

    @FunctionalInterface
    private interface Rule {
        String apply(String value) throws InvalidFieldException;
    }
}
