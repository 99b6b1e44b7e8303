package org.jamescollectors.remote.pop3;

import org.jamescollectors.collect.Security;
import org.jamescollectors.remote.Pop3Contract;
import org.jamescollectors.testing.GreenMailMailbox;
import org.jamescollectors.testing.RemoteMailbox;
import org.junit.jupiter.api.extension.RegisterExtension;

class GreenMailPop3Test implements Pop3Contract {
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
