package org.jamescollectors.remote.pop3;

import java.io.IOException;
import java.io.OutputStream;

import org.jamescollectors.remote.RemoteException;
import org.jamescollectors.remote.internal.Connection;

/**
 * Copies a POP3 multi-line response body to a sink, undoing the byte-stuffing of RFC 1939 §3:
 * a line (after CRLF) starting with "." has it removed, and CRLF "." CRLF ends the body. Every
 * other byte is kept as received: bare LF, bare CR, NUL and 8-bit bytes alike. Only CRLF starts
 * a new line, as the RFC defines lines. A stream that ends before the terminating dot is a
 * failure, never a shorter message.
 */
final class DotStuffedBody {
    private static final int CR = '\r';
    private static final int LF = '\n';
    private static final int DOT = '.';

    private enum State { LINE_START, DOT_AT_START, DOT_CR, MIDDLE, AFTER_CR, END }

    private final Connection connection;
    private final OutputStream sink;
    private final byte[] pending = new byte[8192];
    private int pendingLength;

    private DotStuffedBody(Connection connection, OutputStream sink) {
        this.connection = connection;
        this.sink = sink;
    }

    static void copy(Connection connection, OutputStream sink) throws RemoteException, IOException {
        new DotStuffedBody(connection, sink).run();
    }

    private void run() throws RemoteException, IOException {
        State state = State.LINE_START;
        while (state != State.END) {
            state = next(state, connection.read());
        }
        flush();
    }

    private State next(State state, int b) throws IOException {
        switch (state) {
            case LINE_START:
                if (b == DOT) {
                    return State.DOT_AT_START;
                }
                return middle(b);
            case DOT_AT_START:
                if (b == CR) {
                    return State.DOT_CR;
                }
                return middle(b);
            case DOT_CR:
                if (b == LF) {
                    return State.END;
                }
                emit(CR);
                return middle(b);
            case AFTER_CR:
                if (b == LF) {
                    emit(b);
                    return State.LINE_START;
                }
                return middle(b);
            default:
                return middle(b);
        }
    }

    private State middle(int b) throws IOException {
        emit(b);
        return b == CR ? State.AFTER_CR : State.MIDDLE;
    }

    private void emit(int b) throws IOException {
        if (pendingLength == pending.length) {
            flush();
        }
        pending[pendingLength++] = (byte) b;
    }

    private void flush() throws IOException {
        if (pendingLength > 0) {
            try {
                sink.write(pending, 0, pendingLength);
            } catch (IOException e) {
                connection.close();
                throw e;
            }
            pendingLength = 0;
        }
    }
}
