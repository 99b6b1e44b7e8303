package org.jamescollectors.testing;

import java.io.ByteArrayInputStream;
import java.util.Date;
import java.util.Properties;

import javax.mail.Flags;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.Security;
import org.jamescollectors.remote.TlsTrust;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail (in the test JVM) as a {@link RemoteMailbox}: plain IMAP and POP3 on free ports of
 * 127.0.0.1, started before the class's tests and stopped after them. Register it with
 * {@code @RegisterExtension static GreenMailMailbox greenMail = new GreenMailMailbox();}.
 */
public final class GreenMailMailbox implements RemoteMailbox, BeforeAllCallback,
    AfterAllCallback {
    private GreenMail greenMail;

    @Override
    public void beforeAll(ExtensionContext context) {
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3)});
        greenMail.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        greenMail.stop();
    }

    @Override
    public void addUser(String user, String password) {
        greenMail.setUser(user, user, password);
    }

    @Override
    public void createFolder(String user, String folder) {
        try {
            greenMail.getManagers().getImapHostManager().createMailbox(user(user), folder);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + folder, e);
        }
    }

    @Override
    public void deliver(String user, String folder, byte[] message) {
        try {
            MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(message));
            folder(user, folder).appendMessage(mime, new Flags(), new Date());
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot deliver to " + folder, e);
        }
    }

    @Override
    public int messageCount(String user, String folder) {
        return folder(user, folder).getMessageCount();
    }

    @Override
    public int seenCount(String user, String folder) {
        return (int) folder(user, folder).getMessages().stream()
            .filter(message -> message.isSet(Flags.Flag.SEEN))
            .count();
    }

    private MailFolder folder(String user, String folder) {
        return greenMail.getManagers().getImapHostManager().getFolder(user(user), folder);
    }

    private GreenMailUser user(String user) {
        return greenMail.getManagers().getUserManager().getUser(user);
    }

    @Override
    public int port(Protocol protocol, Security security) {
        if (security != Security.NONE) {
            throw new IllegalArgumentException("this GreenMail runs plaintext only");
        }
        return protocol == Protocol.IMAP ? greenMail.getImap().getPort()
            : greenMail.getPop3().getPort();
    }

    @Override
    public TlsTrust trust() {
        try {
            return TlsTrust.systemDefault();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * GreenMail serves CRLF messages as stored; over POP3 a message without a final newline gets
     * CRLF before the terminating dot. (Bare LF, NUL lines and sizes it gets wrong: the GreenMail
     * test classes say which tests it cannot pass.)
     */
    @Override
    public byte[] served(Protocol protocol, byte[] stored) {
        return protocol == Protocol.POP3 ? ServedForm.withFinalCrlf(stored) : stored;
    }
}
