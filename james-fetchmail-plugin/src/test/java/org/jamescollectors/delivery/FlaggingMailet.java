package org.jamescollectors.delivery;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.mailet.Mail;
import org.apache.mailet.StorageDirective;
import org.apache.mailet.base.GenericMailet;

/** An operator's mailet asking, by James' storage directives, to store mail seen and flagged. */
public class FlaggingMailet extends GenericMailet {
    @Override
    public void service(Mail mail) {
        for (MailAddress recipient : mail.getRecipients()) {
            StorageDirective.builder()
                .seen(java.util.Optional.of(true))
                .important(java.util.Optional.of(true))
                .build()
                .encodeAsAttributes(Username.fromMailAddress(recipient))
                .forEach(mail::setAttribute);
        }
    }
}
