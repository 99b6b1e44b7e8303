package org.jamescollectors.remote.imap;

import org.jamescollectors.collect.Security;
import org.jamescollectors.remote.ImapContract;
import org.jamescollectors.remote.TlsContract;
import org.jamescollectors.remote.StartTlsContract;
import org.jamescollectors.testing.DovecotExtension;
import org.jamescollectors.testing.RemoteMailbox;
import org.junit.jupiter.api.extension.RegisterExtension;

class DovecotImapStartTlsTest implements ImapContract, TlsContract, StartTlsContract {
    @RegisterExtension
    static DovecotExtension dovecot = new DovecotExtension();

    @Override
    public RemoteMailbox mailbox() {
        return dovecot.server();
    }

    @Override
    public Security security() {
        return Security.STARTTLS;
    }

    @Override
    public String startTlsCommand() {
        return "STARTTLS";
    }

    @Override
    public String startTlsRefusal() {
        return "{tag} NO STARTTLS is broken here";
    }
}
