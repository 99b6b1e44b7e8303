package org.jamescollectors.remote.imap;

import org.jamescollectors.collect.Security;
import org.jamescollectors.remote.ImapContract;
import org.jamescollectors.testing.DovecotExtension;
import org.jamescollectors.testing.RemoteMailbox;
import org.junit.jupiter.api.extension.RegisterExtension;

class DovecotImapPlainTest implements ImapContract {
    @RegisterExtension
    static DovecotExtension dovecot = new DovecotExtension();

    @Override
    public RemoteMailbox mailbox() {
        return dovecot.server();
    }

    @Override
    public Security security() {
        return Security.NONE;
    }
}
