package org.jamescollectors.collect;

import org.jamescollectors.remote.RemoteException;

/** Maps what the remote side said to the codes users see. */
final class RemoteFailures {
    private RemoteFailures() {
    }

    static RunFailure toRunFailure(RemoteException e) {
        return RunFailure.of(code(e), e.userMessage());
    }

    private static RunFailure.Code code(RemoteException e) {
        switch (e.kind()) {
            case AUTHENTICATION:
                return RunFailure.Code.AUTHENTICATION;
            case TLS:
                return RunFailure.Code.TLS;
            case TIMEOUT:
                return RunFailure.Code.TIMEOUT;
            case THROTTLED:
                return RunFailure.Code.THROTTLED;
            case PROTOCOL:
                return RunFailure.Code.PROTOCOL;
            case REFUSED_TARGET:
            case CONNECTION:
            default:
                return RunFailure.Code.CONNECTION;
        }
    }
}
