package org.jamescollectors.delivery;

import javax.mail.MessagingException;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

/** An operator's mailet that fails, as a spam or virus checker whose daemon is down would. */
public class ExplodingMailet extends GenericMailet {
    @Override
    public void service(Mail mail) throws MessagingException {
        throw new MessagingException("the checker daemon is down");
    }
}
