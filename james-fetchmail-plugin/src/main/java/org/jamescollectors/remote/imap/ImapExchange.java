package org.jamescollectors.remote.imap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jamescollectors.remote.FailureKind;
import org.jamescollectors.remote.RemoteException;
import org.jamescollectors.remote.internal.Connection;
import org.jamescollectors.remote.internal.Credentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends tagged commands and reads responses up to the tagged completion, keeping what untagged
 * responses tell on the way (RFC 3501 §7): capabilities, EXISTS, EXPUNGE, UIDVALIDITY, BYE, and
 * FETCH data for whoever listens.
 */
final class ImapExchange {
    /** Receives the FETCH and EXPUNGE responses of one command. */
    interface FetchListener {
        FetchListener NONE = new FetchListener() {
            @Override
            public void fetched(long sequence, ImapValue list) {
            }

            @Override
            public void expunged(long sequence) {
            }
        };

        void fetched(long sequence, ImapValue list) throws IOException;

        void expunged(long sequence);
    }

    private static final Logger LOGGER = LoggerFactory.getLogger(ImapExchange.class);
    private static final byte[] CRLF = {'\r', '\n'};
    /** RFC 7888 §4: LITERAL- allows non-synchronizing literals up to 4096 octets. */
    private static final int LITERAL_MINUS_LIMIT = 4096;

    private final Connection connection;
    private final ImapResponseReader reader;
    private final Credentials credentials;
    private Set<String> capabilities = Set.of();
    private Optional<ImapResponse> bye = Optional.empty();
    private int tags;
    private long exists;
    private long uidValidity;

    ImapExchange(Connection connection, ImapResponseReader reader, Credentials credentials) {
        this.connection = connection;
        this.reader = reader;
        this.credentials = credentials;
    }

    /** Reads the greeting; true when it is PREAUTH (RFC 3501 §7.1.4). */
    boolean greeting() throws RemoteException {
        ImapResponse greeting = nextInMemory();
        if (greeting.isStatus("BYE")) {
            throw byeFailure(greeting, "refused the session");
        }
        boolean known = greeting.type() == ImapResponse.Type.UNTAGGED
            && (greeting.isOk() || greeting.isStatus("PREAUTH"));
        if (!known) {
            throw connection.fail(RemoteException.of(FailureKind.PROTOCOL, connection.host()
                + " did not greet like an IMAP server."));
        }
        noteCode(greeting);
        return greeting.isStatus("PREAUTH");
    }

    boolean has(String capability) throws RemoteException {
        if (capabilities.isEmpty()) {
            execute(ImapCommand.of("CAPABILITY"));
        }
        return capabilities.contains(capability);
    }

    void forgetCapabilities() {
        capabilities = Set.of();
    }

    void resetFolder() {
        exists = 0;
        uidValidity = 0;
    }

    long exists() {
        return exists;
    }

    long uidValidity() {
        return uidValidity;
    }

    boolean saidBye() {
        return bye.isPresent();
    }

    ImapResponse execute(ImapCommand command) throws RemoteException {
        return execute(command, FetchListener.NONE);
    }

    /** Sends a command whose literals all stay in memory, such as a message listing. */
    ImapResponse execute(ImapCommand command, FetchListener listener) throws RemoteException {
        try {
            return execute(command, ImapResponseReader.IN_MEMORY, listener);
        } catch (IOException e) {
            throw new IllegalStateException("no sink is involved in " + command.verb(), e);
        }
    }

    /** Sends {@code command} and returns its tagged completion, whatever its status. */
    ImapResponse execute(ImapCommand command, ImapResponseReader.LiteralHandler handler,
                         FetchListener listener) throws RemoteException, IOException {
        String tag = "c" + (++tags);
        LOGGER.debug("IMAP {} {} to {}", tag, command.verb(), connection.host());
        byte[] prefix = (tag + " ").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < command.literalCount(); i++) {
            Optional<ImapResponse> refused = sendLiteral(tag, i == 0 ? prefix : new byte[0],
                command, i);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        byte[] first = command.literalCount() == 0 ? prefix : new byte[0];
        connection.send(ImapCommand.join(first, command.textBefore(command.literalCount()), CRLF));
        return awaitCompletion(tag, handler, listener);
    }

    /** RFC 3501 §7.5 synchronizing literal, or RFC 7888 LITERAL+/LITERAL- when offered. */
    private Optional<ImapResponse> sendLiteral(String tag, byte[] prefix, ImapCommand command,
                                               int index) throws RemoteException {
        byte[] literal = command.literal(index);
        boolean nonSynchronizing = capabilities.contains("LITERAL+")
            || capabilities.contains("LITERAL-") && literal.length <= LITERAL_MINUS_LIMIT;
        String marker = "{" + literal.length + (nonSynchronizing ? "+" : "") + "}";
        connection.send(ImapCommand.join(prefix, command.textBefore(index),
            marker.getBytes(StandardCharsets.US_ASCII), CRLF));
        if (!nonSynchronizing) {
            Optional<ImapResponse> refused = awaitContinuation(tag);
            if (refused.isPresent()) {
                return refused;
            }
        }
        connection.send(literal);
        return Optional.empty();
    }

    /** AUTHENTICATE PLAIN (RFC 4959 SASL-IR when offered, else one continuation). */
    ImapResponse authenticatePlain(boolean initialResponse) throws RemoteException {
        String response = credentials.saslPlain();
        if (initialResponse) {
            return execute(ImapCommand.of("AUTHENTICATE PLAIN " + response));
        }
        String tag = "c" + (++tags);
        LOGGER.debug("IMAP {} AUTHENTICATE to {}", tag, connection.host());
        connection.send((tag + " AUTHENTICATE PLAIN\r\n").getBytes(StandardCharsets.US_ASCII));
        Optional<ImapResponse> refused = awaitContinuation(tag);
        if (refused.isPresent()) {
            return refused.get();
        }
        connection.send((response + "\r\n").getBytes(StandardCharsets.US_ASCII));
        try {
            return awaitCompletion(tag, ImapResponseReader.IN_MEMORY, FetchListener.NONE);
        } catch (IOException e) {
            throw new IllegalStateException("no sink is involved in AUTHENTICATE", e);
        }
    }

    private Optional<ImapResponse> awaitContinuation(String tag) throws RemoteException {
        while (true) {
            ImapResponse response = nextInMemory();
            switch (response.type()) {
                case CONTINUATION:
                    return Optional.empty();
                case UNTAGGED:
                    untaggedWithoutSink(response);
                    break;
                default:
                    return Optional.of(completion(tag, response));
            }
        }
    }

    private ImapResponse awaitCompletion(String tag, ImapResponseReader.LiteralHandler handler,
                                         FetchListener listener)
        throws RemoteException, IOException {
        while (true) {
            ImapResponse response = next(handler);
            switch (response.type()) {
                case CONTINUATION:
                    throw connection.fail(RemoteException.of(FailureKind.PROTOCOL,
                        connection.host() + " asked for more data than the command has."));
                case UNTAGGED:
                    untagged(response, listener);
                    break;
                default:
                    return completion(tag, response);
            }
        }
    }

    private ImapResponse completion(String tag, ImapResponse response) throws RemoteException {
        if (!response.tag().equals(tag)) {
            throw connection.fail(RemoteException.of(FailureKind.PROTOCOL, connection.host()
                + " answered a command that was not sent."));
        }
        noteCode(response);
        return response;
    }

    private ImapResponse next(ImapResponseReader.LiteralHandler handler)
        throws RemoteException, IOException {
        try {
            return reader.read(handler);
        } catch (RemoteException e) {
            if (bye.isPresent() && e.kind() == FailureKind.CONNECTION) {
                throw byeFailure(bye.get(), "closed the session");
            }
            throw e;
        }
    }

    /** Reads a response that no sink is involved in: small literals only, no listener. */
    private ImapResponse nextInMemory() throws RemoteException {
        try {
            return next(ImapResponseReader.IN_MEMORY);
        } catch (IOException e) {
            throw new IllegalStateException("no sink is involved", e);
        }
    }

    private void untaggedWithoutSink(ImapResponse response) throws RemoteException {
        try {
            untagged(response, FetchListener.NONE);
        } catch (IOException e) {
            throw new IllegalStateException("no sink is involved", e);
        }
    }

    private void untagged(ImapResponse response, FetchListener listener)
        throws RemoteException, IOException {
        if (response.isStatus("BYE")) {
            bye = Optional.of(response);
            return;
        }
        if (!response.data().isEmpty()) {
            data(response.data(), listener);
            return;
        }
        noteCode(response);
    }

    private void noteCode(ImapResponse response) throws RemoteException {
        switch (response.codeName()) {
            case "CAPABILITY":
                capabilities = names(response.codeArgument());
                break;
            case "UIDVALIDITY":
                uidValidity = number(ImapValue.atom(response.codeArgument()));
                break;
            default:
                break;
        }
    }

    private void data(List<ImapValue> data, FetchListener listener)
        throws RemoteException, IOException {
        if (data.get(0).isAtom("CAPABILITY")) {
            capabilities = data.stream().skip(1).map(ImapValue::upperText)
                .collect(Collectors.toSet());
            return;
        }
        if (data.size() < 2 || !isNumber(data.get(0))) {
            return;
        }
        long number = number(data.get(0));
        ImapValue keyword = data.get(1);
        if (keyword.isAtom("EXISTS")) {
            exists = number;
        } else if (keyword.isAtom("EXPUNGE")) {
            exists = Math.max(0, exists - 1);
            listener.expunged(number);
        } else if (keyword.isAtom("FETCH") && data.size() > 2
            && data.get(2).type() == ImapValue.Type.LIST) {
            fetched(listener, number, data.get(2));
        }
    }

    private void fetched(FetchListener listener, long number, ImapValue items)
        throws RemoteException, IOException {
        try {
            listener.fetched(number, items);
        } catch (IllegalArgumentException e) {
            throw connection.fail(RemoteException.of(FailureKind.PROTOCOL, connection.host()
                + " sent an invalid FETCH response.", e));
        }
    }

    private static boolean isNumber(ImapValue value) {
        String text = value.text();
        return value.type() == ImapValue.Type.ATOM && !text.isEmpty() && text.length() <= 18
            && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private long number(ImapValue value) throws RemoteException {
        if (!isNumber(value)) {
            throw connection.fail(RemoteException.of(FailureKind.PROTOCOL, connection.host()
                + " sent an invalid number."));
        }
        return Long.parseLong(value.text());
    }

    private static Set<String> names(String text) {
        return Arrays.stream(text.trim().toUpperCase(Locale.ROOT).split(" +"))
            .filter(name -> !name.isEmpty())
            .collect(Collectors.toSet());
    }

    private RemoteException byeFailure(ImapResponse response, String what) {
        FailureKind kind = response.isTemporaryRefusal() ? FailureKind.THROTTLED
            : FailureKind.CONNECTION;
        return connection.fail(RemoteException.of(kind, connection.host() + " " + what + ": "
            + credentials.scrub(response.text())));
    }
}
