package org.jamescollectors.remote.imap;

import org.jamescollectors.collect.Security;
import org.jamescollectors.remote.ImapContract;
import org.jamescollectors.testing.GreenMailMailbox;
import org.jamescollectors.testing.RemoteMailbox;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
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

    @Override
    @Test
    @Disabled("GreenMail 1.6 parses the message and writes its headers back with CRLF, so bare LF"
        + " changes; Dovecot covers exactness")
    public void retrieveShouldKeepBytesWhenBareLf() {
    }

    @Override
    @Test
    @Disabled("GreenMail 1.6 fails to store some corpus messages (StringIndexOutOfBoundsException"
        + " in SimpleMessageAttributes); Dovecot covers the corpus")
    public void retrieveShouldKeepBytesOfEveryCorpusMessage() {
    }

    @Override
    @Test
    @Disabled("GreenMail 1.6 reports the body size as the message size; Dovecot covers sizes")
    public void messagesShouldReportSizeWhenMessageEndsWithCrlf() {
    }
}
