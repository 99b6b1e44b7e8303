package org.jamescollectors.manage;

import java.net.InetAddress;
import java.util.Locale;

import org.apache.james.core.Username;
import org.jamescollectors.remote.FailureKind;
import org.jamescollectors.remote.RemoteException;
import org.jamescollectors.remote.TargetGuard;

/**
 * Refuses a collector that would collect its owner's own mailbox on this James server into
 * itself: an address and port where this James listens, and a remote user name that is the
 * owner (with or without the domain, in any case). Another user's mailbox of the same James
 * stays allowed.
 */
public final class SelfLoop {
    /** The refusal users see. */
    public static final String REFUSAL = "this is your own mailbox on this server: a collector"
        + " cannot collect a mailbox into itself";

    private final OwnServers ownServers;

    private SelfLoop(OwnServers ownServers) {
        this.ownServers = ownServers;
    }

    public static SelfLoop of(OwnServers ownServers) {
        return new SelfLoop(ownServers);
    }

    /** True when logging in there as {@code remoteUser} would open the owner's own mailbox. */
    public boolean loops(Username owner, String remoteUser, InetAddress address, int port) {
        return isOwner(owner, remoteUser) && ownServers.listensOn(address, port);
    }

    /** A guard for the connection a collector of {@code owner} opens as {@code remoteUser}. */
    public TargetGuard guard(Username owner, String remoteUser) {
        return (host, address, port) -> {
            if (loops(owner, remoteUser, address, port)) {
                throw RemoteException.of(FailureKind.REFUSED_TARGET, REFUSAL);
            }
        };
    }

    static boolean isOwner(Username owner, String remoteUser) {
        String remote = remoteUser.strip().toLowerCase(Locale.ROOT);
        String ownerName = owner.asString().toLowerCase(Locale.ROOT);
        if (remote.indexOf('@') >= 0) {
            return remote.equals(ownerName);
        }
        return remote.equals(owner.getLocalPart().toLowerCase(Locale.ROOT));
    }
}
