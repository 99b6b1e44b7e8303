package org.jamescollectors.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.model.MailboxConstants;
import org.apache.james.sieverepository.api.SieveRepository;
import org.apache.james.sieverepository.api.exception.ScriptNotFoundException;
import org.apache.james.transport.mailets.jsieve.ResourceLocator;
import org.apache.james.transport.mailets.jsieve.SieveMailAdapter;
import org.apache.james.transport.mailets.jsieve.delivery.SievePoster;
import org.apache.james.user.api.UsersRepository;
import org.apache.jsieve.ConfigurationManager;
import org.apache.jsieve.SieveConfigurationException;
import org.apache.jsieve.SieveFactory;
import org.apache.jsieve.exception.SieveException;
import org.apache.jsieve.parser.generated.ParseException;
import org.apache.jsieve.parser.generated.TokenMgrError;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.collect.ImmutableList;

/**
 * Runs the owner's active Sieve script on a collected mail that has no usable target folder, as
 * James' {@code Sieve} mailet does for mail arriving by SMTP, with James' own Sieve classes:
 * {@code keep}, {@code fileinto}, {@code discard} and {@code redirect} behave the same. Actions
 * that answer the sender do not, since collected mail was not sent to this server: {@code reject}
 * keeps the message, {@code vacation} sends nothing.
 *
 * <p>A collected mail whose target folder exists skips Sieve. A script that fails to parse or
 * run (including unsupported extensions such as {@code ereject} or {@code imap4flags}) is logged
 * and the mail kept in the Inbox; unlike James' {@code Sieve} mailet no error notice is mailed,
 * as building one copies the whole message into memory.
 */
public final class CollectorSieve extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(CollectorSieve.class);

    private final UsersRepository usersRepository;
    private final ResourceLocator scripts;
    private final TargetFolders targetFolders;
    private SieveFactory sieveFactory;
    private CollectorActionDispatcher dispatcher;
    private SievePoster poster;

    @Inject
    public CollectorSieve(UsersRepository usersRepository, SieveRepository sieveRepository,
                          MailboxManager mailboxManager) {
        this.usersRepository = usersRepository;
        this.scripts = new ResourceLocator(sieveRepository, usersRepository);
        this.targetFolders = new TargetFolders(mailboxManager);
    }

    @Override
    public String getMailetInfo() {
        return "Runs the owner's Sieve script on collected mail, answering nobody";
    }

    @Override
    public void init() throws MessagingException {
        try {
            sieveFactory = new ConfigurationManager().build();
        } catch (SieveConfigurationException e) {
            throw new MessagingException("cannot load the standard Sieve configuration", e);
        }
        dispatcher = new CollectorActionDispatcher();
        poster = new SievePoster(usersRepository, MailboxConstants.INBOX);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Username owner = CollectedMailAttributes.owner(mail).orElse(null);
        if (owner == null) {
            LOGGER.debug("Mail {} is not collected mail: no Sieve here", mail.getName());
            return;
        }
        if (targetFolders.existing(owner, CollectedMailAttributes.targetFolder(mail)).isPresent()) {
            return;
        }
        List<MailAddress> recipients = ImmutableList.copyOf(mail.getRecipients());
        for (MailAddress recipient : recipients) {
            runScript(recipient, mail);
        }
    }

    private void runScript(MailAddress recipient, Mail mail) {
        ResourceLocator.UserSieveInformation script;
        try {
            script = scripts.get(recipient);
        } catch (ScriptNotFoundException e) {
            return;
        } catch (Exception e) {
            LOGGER.warn("Cannot read the Sieve script of {}; keeping collected mail {}",
                recipient.asString(), mail.getName(), e);
            return;
        }
        evaluate(recipient, mail, script);
    }

    private void evaluate(MailAddress recipient, Mail mail,
                          ResourceLocator.UserSieveInformation script) {
        SieveMailAdapter adapter = new SieveMailAdapter(mail, getMailetContext(), dispatcher,
            poster, script.getScriptActivationDate(), script.getScriptInterpretationDate(),
            recipient);
        try (InputStream content = script.getScriptContent()) {
            sieveFactory.evaluate(adapter, sieveFactory.parse(content));
        } catch (ParseException | SieveException | TokenMgrError | IOException
                 | RuntimeException e) {
            LOGGER.warn("The Sieve script of {} failed on collected mail {}; keeping it: {}",
                recipient.asString(), mail.getName(), e.getMessage());
        }
    }
}
