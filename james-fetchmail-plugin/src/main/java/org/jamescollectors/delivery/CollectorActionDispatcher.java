package org.jamescollectors.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.james.transport.mailets.jsieve.ActionDispatcher;
import org.apache.james.transport.mailets.jsieve.KeepAction;
import org.apache.james.transport.mailets.jsieve.MailAction;
import org.apache.jsieve.mail.ActionDiscard;
import org.apache.jsieve.mail.ActionFileInto;
import org.apache.jsieve.mail.ActionKeep;
import org.apache.jsieve.mail.ActionRedirect;
import org.apache.jsieve.mail.ActionReject;
import org.apache.jsieve.mail.optional.ActionVacation;

/**
 * James' Sieve actions, less the ones that answer the sender: collected mail was not sent to this
 * server, so {@code reject} keeps the message instead, and {@code vacation} sends nothing.
 * {@code keep}, {@code fileinto}, {@code discard} and {@code redirect} are James' own. Every action
 * run is noted on the mail ({@link CollectedMailAttributes#SIEVE_ACTIONS}).
 */
final class CollectorActionDispatcher extends ActionDispatcher {
    private static final Map<Class<?>, String> NAMES = Map.of(
        ActionKeep.class, "keep",
        ActionFileInto.class, "fileinto",
        ActionDiscard.class, "discard",
        ActionRedirect.class, "redirect",
        ActionReject.class, "reject (kept)",
        ActionVacation.class, "vacation (no reply)");

    CollectorActionDispatcher() {
        ConcurrentMap<Class<?>, MailAction> actions = new ConcurrentHashMap<>(getMethodMap());
        KeepAction keep = new KeepAction();
        actions.put(ActionReject.class,
            (action, mail, context) -> keep.execute(new ActionKeep(), mail, context));
        actions.put(ActionVacation.class, (action, mail, context) -> { });
        actions.replaceAll(CollectorActionDispatcher::noted);
        setMethodMap(actions);
    }

    private static MailAction noted(Class<?> type, MailAction action) {
        String name = NAMES.getOrDefault(type, type.getSimpleName());
        return (sieveAction, mail, context) -> {
            action.execute(sieveAction, mail, context);
            CollectedMailAttributes.appendSieveAction(mail, name);
        };
    }
}
