package org.jamescollectors.remote.pop3;

import org.jamescollectors.collect.Security;
import org.jamescollectors.remote.Pop3Contract;
import org.jamescollectors.remote.TlsContract;
import org.jamescollectors.remote.StartTlsContract;
import org.jamescollectors.testing.DovecotExtension;
import org.jamescollectors.testing.RemoteMailbox;
import org.junit.jupiter.api.extension.RegisterExtension;

class DovecotPop3StartTlsTest implements Pop3Contract, TlsContract, StartTlsContract {
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
        return "STLS";
    }

    @Override
    public String startTlsRefusal() {
        return "-ERR [SYS/PERM] STLS is broken here";
    }
}
