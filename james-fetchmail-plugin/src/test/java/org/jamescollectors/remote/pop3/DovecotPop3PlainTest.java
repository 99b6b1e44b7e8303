package org.jamescollectors.remote.pop3;

import org.jamescollectors.collect.Security;
import org.jamescollectors.remote.Pop3Contract;
import org.jamescollectors.testing.DovecotExtension;
import org.jamescollectors.testing.RemoteMailbox;
import org.junit.jupiter.api.extension.RegisterExtension;

class DovecotPop3PlainTest implements Pop3Contract {
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
