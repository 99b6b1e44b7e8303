package org.jamescollectors.remote.imap;

import org.jamescollectors.collect.Security;
import org.jamescollectors.remote.ImapContract;
import org.jamescollectors.testing.GreenMailMailbox;
import org.jamescollectors.testing.RemoteMailbox;
import org.junit.jupiter.api.extension.RegisterExtension;

class GreenMailImapTest implements ImapContract {
    @RegisterExtension
    static GreenMailMailbox greenMail = new GreenMailMailbox();

    @Override
    public RemoteMailbox mailbox() {
        return greenMail;
    }

    @Override
    public Security security() {
        return Security.NONE;
    }
}
