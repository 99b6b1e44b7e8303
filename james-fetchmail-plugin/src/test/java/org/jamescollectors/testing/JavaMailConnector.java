package org.jamescollectors.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import javax.mail.AuthenticationFailedException;
import javax.mail.Flags;
import javax.mail.Folder;
import javax.mail.FolderNotFoundException;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Store;
import javax.mail.UIDFolder;

import org.jamescollectors.collect.Password;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Security;
import org.jamescollectors.remote.FailureKind;
import org.jamescollectors.remote.MailSource;
import org.jamescollectors.remote.MailSourceConnector;
import org.jamescollectors.remote.RemoteException;
import org.jamescollectors.remote.RemoteMessage;

import com.sun.mail.pop3.POP3Folder;

/**
 * A connector over JavaMail for tests against GreenMail: it really logs in (and for IMAP
 * selects the folder). Accounts can be routed, so that documentation examples naming a public
 * server reach a local one: {@code mail.example.net:993} played by {@code 127.0.0.1:3143}.
 */
public final class JavaMailConnector implements MailSourceConnector {
    private final Map<String, InetSocketAddress> routes;

    private JavaMailConnector(Map<String, InetSocketAddress> routes) {
        this.routes = Map.copyOf(routes);
    }

    public static JavaMailConnector direct() {
        return new JavaMailConnector(Map.of());
    }

    /** Routes {@code host:port} keys to local servers, spoken to without TLS. */
    public static JavaMailConnector routing(Map<String, InetSocketAddress> routes) {
        return new JavaMailConnector(routes);
    }

    @Override
    public MailSource open(RemoteAccount account, Password password, boolean allowPlaintext)
        throws RemoteException {
        InetSocketAddress route = routes.get(account.host() + ":" + account.port());
        boolean plain = route != null || account.security() == Security.NONE;
        if (account.security() == Security.NONE && !allowPlaintext) {
            throw RemoteException.of(FailureKind.TLS, "unencrypted connections are not allowed");
        }
        String host = route == null ? account.host() : route.getHostString();
        int port = route == null ? account.port() : route.getPort();
        try {
            Store store = store(account, plain);
            store.connect(host, port, account.username(), password.reveal());
            return new JavaMailSource(store, folder(store, account), account.protocol());
        } catch (AuthenticationFailedException e) {
            throw RemoteException.of(FailureKind.AUTHENTICATION, "the server refused the user name"
                + " or the password");
        } catch (FolderNotFoundException e) {
            throw RemoteException.of(FailureKind.PROTOCOL, "the folder "
                + account.sourceFolder().orElse("") + " does not exist on the server");
        } catch (MessagingException e) {
            throw failure(e);
        }
    }

    private static Store store(RemoteAccount account, boolean plain) throws MessagingException {
        String name = account.protocol() == Protocol.IMAP ? "imap" : "pop3";
        Properties properties = new Properties();
        String prefix = "mail." + name + ".";
        properties.setProperty(prefix + "connectiontimeout", "5000");
        properties.setProperty(prefix + "timeout", "5000");
        if (!plain && account.security() == Security.STARTTLS) {
            properties.setProperty(prefix + "starttls.enable", "true");
            properties.setProperty(prefix + "starttls.required", "true");
        }
        Session session = Session.getInstance(properties);
        return session.getStore(!plain && account.security() == Security.TLS ? name + "s" : name);
    }

    private static Folder folder(Store store, RemoteAccount account) throws MessagingException {
        Folder folder = store.getFolder(account.sourceFolder().orElse("INBOX"));
        folder.open(Folder.READ_WRITE);
        return folder;
    }

    private static RemoteException failure(MessagingException e) {
        Throwable cause = e.getNextException() != null ? e.getNextException() : e.getCause();
        if (cause instanceof SocketTimeoutException) {
            return RemoteException.of(FailureKind.TIMEOUT, "the server did not answer in time");
        }
        if (cause instanceof ConnectException || cause instanceof IOException) {
            return RemoteException.of(FailureKind.CONNECTION, "the server cannot be reached");
        }
        return RemoteException.of(FailureKind.PROTOCOL, "the server answered something unexpected");
    }

    private static final class JavaMailSource implements MailSource {
        private final Store store;
        private final Folder folder;
        private final Protocol protocol;

        private JavaMailSource(Store store, Folder folder, Protocol protocol) {
            this.store = store;
            this.folder = folder;
            this.protocol = protocol;
        }

        @Override
        public List<RemoteMessage> messages() throws RemoteException {
            try {
                List<RemoteMessage> listing = new ArrayList<>();
                for (Message message : folder.getMessages()) {
                    listing.add(remote(message));
                }
                return listing;
            } catch (MessagingException e) {
                throw failure(e);
            }
        }

        private RemoteMessage remote(Message message) throws MessagingException {
            if (protocol == Protocol.POP3) {
                return RemoteMessage.pop3(((POP3Folder) folder).getUID(message), message.getSize());
            }
            UIDFolder uids = (UIDFolder) folder;
            return RemoteMessage.imap(uids.getUIDValidity(), uids.getUID(message),
                message.getSize(), message.isSet(Flags.Flag.SEEN), Optional.empty());
        }

        @Override
        public void retrieve(RemoteMessage message, OutputStream sink)
            throws RemoteException, IOException {
            try {
                find(message).writeTo(sink);
            } catch (MessagingException e) {
                throw failure(e);
            }
        }

        @Override
        public void delete(List<RemoteMessage> messages) throws RemoteException {
            try {
                for (RemoteMessage message : messages) {
                    find(message).setFlag(Flags.Flag.DELETED, true);
                }
            } catch (MessagingException e) {
                throw failure(e);
            }
        }

        private Message find(RemoteMessage wanted) throws MessagingException, RemoteException {
            for (Message message : folder.getMessages()) {
                if (remote(message).key().equals(wanted.key())) {
                    return message;
                }
            }
            throw RemoteException.of(FailureKind.PROTOCOL, "the message vanished");
        }

        @Override
        public void close() throws RemoteException {
            try {
                folder.close(true);
                store.close();
            } catch (MessagingException e) {
                throw failure(e);
            }
        }

        @Override
        public void abort() {
            try {
                store.close();
            } catch (MessagingException e) {
                // dropping the session anyway
            }
        }
    }
}
