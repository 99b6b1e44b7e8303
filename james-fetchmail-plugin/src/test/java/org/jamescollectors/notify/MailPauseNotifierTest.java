package org.jamescollectors.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.user.api.UsersRepository;
import org.apache.mailet.MailetContext;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.Problem;
import org.jamescollectors.store.StoreSamples;
import org.jamescollectors.store.memory.InMemoryStores;
import org.junit.jupiter.api.Test;

/** What the notifier does when it cannot or need not send; sending itself is tested on James. */
class MailPauseNotifierTest {
    private final InMemoryStores stores = InMemoryStores.create();
    private final AtomicInteger contextRequests = new AtomicInteger();
    private final MailPauseNotifier notifier = new MailPauseNotifier(this::brokenContext,
        unusedUsers(), PauseNoticeWriter.of(NoticeTexts.of("en", Optional.empty())),
        PauseNoticeLedger.over(stores.metadata()), Clock.systemUTC());

    @Test
    void collectorPausedShouldNotThrowWhenJamesCannotTakeTheMail() throws Exception {
        Collector paused = paused();

        assertThatCode(() -> notifier.collectorPaused(paused)).doesNotThrowAnyException();
        assertThat(contextRequests).hasValue(1);
    }

    @Test
    void collectorPausedShouldNotTryAgainForAPauseAlreadyTold() throws Exception {
        Collector paused = paused();
        notifier.collectorPaused(paused);

        notifier.collectorPaused(paused.toBuilder().version(paused.version() + 1).build());

        assertThat(contextRequests).hasValue(1);
    }

    private MailetContext brokenContext() {
        contextRequests.incrementAndGet();
        throw new IllegalStateException("James' mailet container is not started");
    }

    private static Collector paused() {
        return StoreSamples.collector(StoreSamples.ALICE, "work").toBuilder()
            .paused(true)
            .problem(Optional.of(Problem.of("authentication", "refused",
                Instant.parse("2026-03-01T09:00:00Z"), Optional.empty())))
            .build();
    }

    /** A users repository these tests must never reach. */
    private static UsersRepository unusedUsers() {
        return (UsersRepository) Proxy.newProxyInstance(UsersRepository.class.getClassLoader(),
            new Class<?>[] {UsersRepository.class}, (proxy, method, args) -> {
                throw new AssertionError("the users repository was called: " + method.getName());
            });
    }
}
