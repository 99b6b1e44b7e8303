package org.jamescollectors.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.crypto.KeyGenerator;

import org.apache.james.core.Username;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.CollectorRunner;
import org.jamescollectors.collect.CollectorState;
import org.jamescollectors.collect.Problem;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.Retention;
import org.jamescollectors.collect.Run;
import org.jamescollectors.config.CollectorsConfiguration;
import org.jamescollectors.manage.provider.DnsLookup;
import org.jamescollectors.manage.provider.ProviderAssistant;
import org.jamescollectors.manage.provider.ProviderCatalogue;
import org.jamescollectors.notify.PauseNotifier;
import org.jamescollectors.remote.HostResolver;
import org.jamescollectors.remote.MailSourceConnector;
import org.jamescollectors.remote.Timeouts;
import org.jamescollectors.remote.TlsTrust;
import org.jamescollectors.schedule.CollectionScheduler;
import org.jamescollectors.security.SecretCipher;
import org.jamescollectors.security.TargetPolicy;
import org.jamescollectors.store.FetchStateStore;
import org.jamescollectors.store.memory.InMemoryStores;
import org.jamescollectors.testing.FixedHostAddresses;
import org.jamescollectors.testing.NoDelivery;
import org.jamescollectors.testing.GreenMailRemote;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorServiceTest {
    private static final Username BOB = Username.of("bob@james.example");
    private static final Username ALICE = Username.of("alice@james.example");
    private static final long GIB = 1L << 30;

    private static GreenMailRemote remote;

    @TempDir
    Path temporary;

    private InMemoryStores stores;
    private Map<Username, OptionalLong> quotas;
    private CollectionScheduler scheduler;
    private CollectorService service;

    @BeforeAll
    static void startRemote() {
        remote = GreenMailRemote.start().user("jean", "secret").user("paul", "other");
    }

    @AfterAll
    static void stopRemote() {
        remote.close();
    }

    private void startService(Map<String, String> settings) throws Exception {
        CollectorsConfiguration configuration = CollectorsConfiguration.fromMap(
            remote.settings(settings));
        stores = InMemoryStores.create();
        quotas = new HashMap<>();
        KeyGenerator keys = KeyGenerator.getInstance("AES");
        keys.init(256);
        SecretCipher cipher = SecretCipher.of(keys.generateKey());
        TargetPolicy policy = TargetPolicy.of(configuration);
        MailSourceConnector connector = new MailSourceConnector(HostResolver.system(), policy,
            TlsTrust.systemDefault(), Timeouts.defaults());
        Clock clock = Clock.systemUTC();
        CollectorRunner runner = new CollectorRunner(stores, cipher, connector::open,
            NoDelivery.INSTANCE,
            configuration, clock, temporary, owner -> true, PauseNotifier.none());
        scheduler = new CollectionScheduler(stores, runner, configuration, clock, "test-node");
        ProviderAssistant providers = ProviderAssistant.of(ProviderCatalogue.bundled(),
            new DnsLookup(List::of), false);
        RemoteCheck check = new RemoteCheck(connector, FixedHostAddresses.of(Map.of(
            "imap.private.example", List.of("10.1.2.3", "127.0.0.1"))), configuration, providers,
            OwnServers.none());
        service = new CollectorService(stores, cipher, scheduler, configuration, clock,
            owner -> quotas.getOrDefault(owner, OptionalLong.of(GIB)), new FixedFolders(),
            check, providers);
    }

    @AfterEach
    void stopScheduler() {
        if (scheduler != null) {
            scheduler.close();
        }
    }

    private static CollectorInput.Builder imap(String name, String username, String password) {
        return CollectorInput.builder()
            .string(CollectorField.NAME, name)
            .string(CollectorField.PROTOCOL, "imap")
            .string(CollectorField.HOST, GreenMailRemote.HOST)
            .integer(CollectorField.PORT, remote.port(Protocol.IMAP))
            .string(CollectorField.SECURITY, "none")
            .string(CollectorField.USERNAME, username)
            .string(CollectorField.PASSWORD, password);
    }

    private static CollectorInput.Builder pop3(String name, String username, String password) {
        return imap(name, username, password)
            .string(CollectorField.PROTOCOL, "pop3")
            .integer(CollectorField.PORT, remote.port(Protocol.POP3));
    }

    @Test
    void createShouldSaveTheCollectorWhenTheRemoteLoginWorks() throws Exception {
        startService(Map.of());

        CollectorView created = service.create(BOB, imap("Jean", "jean", "secret").build());

        Collector stored = stores.collectors().find(created.collector().id()).orElseThrow();
        assertThat(stored.owner()).isEqualTo(BOB);
        assertThat(stored.name()).isEqualTo("Jean");
        assertThat(stored.account().sourceFolder()).contains("INBOX");
        assertThat(stored.retention()).isEqualTo(Retention.fetchAll());
        assertThat(stored.encryptedPassword()).startsWith("v1:").doesNotContain("secret");
        assertThat(created.nextRun()).isPresent();
    }

    @Test
    void createShouldSaveNothingWhenThePasswordIsWrong() throws Exception {
        startService(Map.of());

        assertThatThrownBy(() -> service.create(BOB, imap("Jean", "jean", "wrong").build()))
            .isInstanceOfSatisfying(RemoteCheckException.class, e ->
                assertThat(e.code()).isEqualTo("authentication"));

        assertThat(stores.collectors().listByOwner(BOB)).isEmpty();
    }

    @Test
    void createShouldWorkOverPop3WithoutSourceFolder() throws Exception {
        startService(Map.of());

        CollectorView created = service.create(BOB, pop3("Paul", "paul", "other").build());

        assertThat(created.collector().account().protocol()).isEqualTo(Protocol.POP3);
        assertThat(created.collector().account().sourceFolder()).isEmpty();
    }

    @Test
    void createShouldRefuseASourceFolderForPop3() throws Exception {
        startService(Map.of());

        assertThatThrownBy(() -> service.create(BOB, pop3("Paul", "paul", "other")
            .string(CollectorField.SOURCE_FOLDER, "INBOX").build()))
            .isInstanceOfSatisfying(InvalidFieldException.class, e ->
                assertThat(e.field()).isEqualTo("sourceFolder"));
    }

    @Test
    void createShouldRefuseACollectorPastTheQuotaTier() throws Exception {
        startService(Map.of());
        service.create(BOB, imap("One", "jean", "secret").build());
        service.create(BOB, pop3("Two", "paul", "other").build());

        assertThatThrownBy(() -> service.create(BOB, pop3("Three", "jean", "secret").build()))
            .isInstanceOfSatisfying(CollectorLimitException.class, e -> {
                assertThat(e.usage()).isEqualTo(Usage.of(2, 2));
                assertThat(e.getMessage()).isEqualTo("you may have at most 2 collectors with your"
                    + " storage quota of 1 GiB; a quota of 5 GiB or more allows 5");
            });

        assertThat(stores.collectors().countByOwner(BOB)).isEqualTo(2);
    }

    @Test
    void usageShouldFollowTheStorageQuotaTiers() throws Exception {
        startService(Map.of());
        service.create(BOB, imap("One", "jean", "secret").build());

        Usage small = service.usage(BOB);
        quotas.put(BOB, OptionalLong.of(5 * GIB));
        Usage large = service.usage(BOB);
        quotas.put(BOB, OptionalLong.empty());
        Usage unlimited = service.usage(BOB);

        assertThat(small).isEqualTo(Usage.of(1, 2));
        assertThat(large).isEqualTo(Usage.of(1, 5));
        assertThat(unlimited).isEqualTo(Usage.of(1, 5));
    }

    @Test
    void aLoweredQuotaShouldKeepCollectorsButAllowNoNewOne() throws Exception {
        startService(Map.of());
        quotas.put(BOB, OptionalLong.of(5 * GIB));
        service.create(BOB, imap("One", "jean", "secret").build());
        service.create(BOB, pop3("Two", "paul", "other").build());
        service.create(BOB, pop3("Three", "jean", "secret").build());
        quotas.put(BOB, OptionalLong.of(GIB));

        assertThatThrownBy(() -> service.create(BOB, imap("Four", "paul", "other").build()))
            .isInstanceOf(CollectorLimitException.class);

        assertThat(service.list(BOB)).hasSize(3);
        assertThat(service.usage(BOB)).isEqualTo(Usage.of(3, 2));
    }

    @Test
    void createShouldRefuseANameAlreadyUsedByTheSameOwner() throws Exception {
        startService(Map.of());
        service.create(BOB, imap("Jean", "jean", "secret").build());

        assertThatThrownBy(() -> service.create(BOB, pop3("JEAN", "paul", "other").build()))
            .isInstanceOfSatisfying(CollectorConflictException.class, e ->
                assertThat(e.code()).isEqualTo("name-taken"));
    }

    @Test
    void createsAtOnceShouldKeepTheAllowanceAndOneCollectorPerAccount() throws Exception {
        startService(Map.of());
        List<CollectorInput> inputs = List.of(imap("A", "jean", "secret").build(),
            imap("B", "jean", "secret").build(), imap("C", "paul", "other").build(),
            pop3("D", "jean", "secret").build(), pop3("E", "paul", "other").build(),
            pop3("F", "paul", "other").build());

        List<String> outcomes = createAtOnce(BOB, inputs);

        assertThat(stores.collectors().listByOwner(BOB)).hasSize(2);
        assertThat(outcomes).filteredOn("created"::equals).hasSize(2);
        assertThat(outcomes).filteredOn(outcome -> !"created".equals(outcome))
            .allSatisfy(outcome -> assertThat(outcome).isIn("limit-reached", "account-taken"));
        assertThat(stores.collectors().listByOwner(BOB)).extracting(Collector::account)
            .doesNotHaveDuplicates();
    }

    /** Starts every create at the same instant; each outcome is "created" or the refusal. */
    private List<String> createAtOnce(Username owner, List<CollectorInput> inputs)
        throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(inputs.size());
        try {
            List<Future<String>> results = new ArrayList<>();
            for (CollectorInput input : inputs) {
                results.add(threads.submit(() -> {
                    start.await();
                    try {
                        service.create(owner, input);
                        return "created";
                    } catch (CollectorLimitException e) {
                        return "limit-reached";
                    } catch (CollectorConflictException e) {
                        return e.code();
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void createShouldRefuseTheSameRemoteAccountAndFolderTwice() throws Exception {
        startService(Map.of());
        service.create(BOB, imap("Jean", "jean", "secret").build());

        assertThatThrownBy(() -> service.create(BOB, imap("Again", "JEAN", "secret").build()))
            .isInstanceOfSatisfying(CollectorConflictException.class, e ->
                assertThat(e.code()).isEqualTo("account-taken"));
    }

    @Test
    void createShouldAllowTheSameNameForAnotherOwner() throws Exception {
        startService(Map.of());
        service.create(BOB, imap("Jean", "jean", "secret").build());

        CollectorView alices = service.create(ALICE, imap("Jean", "jean", "secret").build());

        assertThat(alices.collector().owner()).isEqualTo(ALICE);
    }

    @Test
    void createShouldRefuseAServerWhoseAddressesIncludeARefusedOne() throws Exception {
        startService(Map.of());

        assertThatThrownBy(() -> service.create(BOB, imap("Private", "jean", "secret")
            .string(CollectorField.HOST, "imap.private.example").build()))
            .isInstanceOfSatisfying(RemoteCheckException.class, e -> {
                assertThat(e.code()).isEqualTo("refused-target");
                assertThat(e.getMessage()).isEqualTo("this server cannot be used for collection");
            });
    }

    @Test
    void createShouldAnswerTheSameForARefusedAddressWhetherSomethingListensOrNot()
        throws Exception {
        startService(Map.of("targets.allowedNetworks", ""));

        RemoteCheckException listening = remoteFailure(imap("A", "jean", "secret").build());
        RemoteCheckException silent = remoteFailure(imap("B", "jean", "secret")
            .string(CollectorField.HOST, "127.0.0.2").build());

        assertThat(listening.code()).isEqualTo(silent.code()).isEqualTo("refused-target");
        assertThat(listening.getMessage()).isEqualTo(silent.getMessage());
    }

    private RemoteCheckException remoteFailure(CollectorInput input) {
        try {
            service.create(BOB, input);
        } catch (RemoteCheckException e) {
            return e;
        } catch (CollectorServiceException e) {
            throw new AssertionError("expected a remote check failure", e);
        }
        throw new AssertionError("expected a remote check failure");
    }

    @Test
    void createShouldRefuseAPortOffTheOperatorsList() throws Exception {
        startService(Map.of());

        assertThatThrownBy(() -> service.create(BOB, imap("Jean", "jean", "secret")
            .integer(CollectorField.PORT, 2525).build()))
            .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                assertThat(e.field()).isEqualTo("port");
                assertThat(e.getMessage()).startsWith("port 2525 is not allowed on this server");
            });
    }

    @Test
    void createShouldRefuseUnencryptedSessionsUnlessTheOperatorAllowsThem() throws Exception {
        startService(Map.of("remote.allowPlaintext", "false"));

        assertThatThrownBy(() -> service.create(BOB, imap("Jean", "jean", "secret").build()))
            .isInstanceOfSatisfying(InvalidFieldException.class, e ->
                assertThat(e.field()).isEqualTo("security"));
    }

    @Test
    void createShouldAcceptInternationalHostNamesInTheirAsciiForm() throws Exception {
        startService(Map.of());

        assertThatThrownBy(() -> service.create(BOB, imap("Jean", "jean", "secret")
            .string(CollectorField.HOST, "Bücher.example.").build()))
            .isInstanceOfSatisfying(RemoteCheckException.class, e ->
                assertThat(e.getMessage()).isEqualTo("the server name xn--bcher-kva.example"
                    + " cannot be found"));
    }

    @Test
    void createShouldRefuseFetchAllWhileKeepingCopies() throws Exception {
        startService(Map.of());

        assertThatThrownBy(() -> service.create(BOB, imap("Jean", "jean", "secret")
            .bool(CollectorField.FETCH_ALL, true).bool(CollectorField.DELETE_AFTER_FETCH, false)
            .build()))
            .isInstanceOfSatisfying(InvalidFieldException.class, e ->
                assertThat(e.field()).isEqualTo("deleteAfterFetch"));
    }

    @Test
    void createShouldKeepCopiesByDefaultWhenNotFetchingAll() throws Exception {
        startService(Map.of());

        CollectorView created = service.create(BOB, imap("Jean", "jean", "secret")
            .bool(CollectorField.FETCH_ALL, false).build());

        assertThat(created.collector().retention()).isEqualTo(Retention.newOnly(false));
    }

    @Test
    void createShouldRequireEveryAccessField() throws Exception {
        startService(Map.of());

        assertThatThrownBy(() -> service.create(BOB, CollectorInput.builder()
            .string(CollectorField.NAME, "Jean").string(CollectorField.PROTOCOL, "imap").build()))
            .isInstanceOfSatisfying(InvalidFieldException.class, e ->
                assertThat(e.field()).isEqualTo("host"));
    }

    @Test
    void createShouldRefuseMoreChecksThanTheValidationLimit() throws Exception {
        startService(Map.of("api.validation.maxPerUser", "2"));
        remoteFailure(imap("A", "jean", "wrong").build());
        remoteFailure(imap("B", "jean", "wrong").build());

        assertThatThrownBy(() -> service.create(BOB, imap("C", "jean", "secret").build()))
            .isInstanceOfSatisfying(RetryLaterException.class, e ->
                assertThat(e.retryAfterSeconds()).isPositive());
    }

    @Test
    void updateShouldChangeTheNameWithoutLoggingIn() throws Exception {
        startService(Map.of());
        CollectorView created = service.create(BOB, imap("Jean", "jean", "secret").build());
        remote.greenMail().setUser("jean@remote.example", "jean", "changed");

        CollectorView renamed = service.update(BOB, created.collector().id().asString(),
            CollectorInput.builder().string(CollectorField.NAME, "Jean D").build());

        remote.greenMail().setUser("jean@remote.example", "jean", "secret");
        assertThat(renamed.collector().name()).isEqualTo("Jean D");
    }

    @Test
    void updateShouldChangeNothingWhenTheNewPasswordIsRefused() throws Exception {
        startService(Map.of());
        CollectorView created = service.create(BOB, imap("Jean", "jean", "secret").build());
        String id = created.collector().id().asString();

        assertThatThrownBy(() -> service.update(BOB, id, CollectorInput.builder()
            .string(CollectorField.NAME, "Renamed")
            .string(CollectorField.PASSWORD, "wrong").build()))
            .isInstanceOf(RemoteCheckException.class);

        assertThat(stores.collectors().find(created.collector().id()).orElseThrow())
            .isEqualTo(created.collector());
    }

    @Test
    void updateShouldCheckTheStoredPasswordWhenOnlyTheHostIsGiven() throws Exception {
        startService(Map.of());
        CollectorView created = service.create(BOB, imap("Jean", "jean", "secret").build());

        CollectorView updated = service.update(BOB, created.collector().id().asString(),
            CollectorInput.builder().string(CollectorField.HOST, GreenMailRemote.HOST).build());

        assertThat(updated.collector().version()).isGreaterThan(created.collector().version());
    }

    @Test
    void enablingAPausedCollectorShouldLogInAndReactivateIt() throws Exception {
        startService(Map.of());
        Collector paused = pause(service.create(BOB, imap("Jean", "jean", "secret").build()));

        CollectorView enabled = service.update(BOB, paused.id().asString(),
            CollectorInput.builder().bool(CollectorField.ENABLED, true).build());

        assertThat(enabled.collector().state()).isEqualTo(CollectorState.ACTIVE);
        assertThat(enabled.collector().problem()).isEmpty();
    }

    @Test
    void enablingAPausedCollectorShouldKeepItPausedWhenTheLoginFails() throws Exception {
        startService(Map.of());
        Collector paused = pause(service.create(BOB, imap("Jean", "jean", "secret").build()));
        remote.greenMail().setUser("jean@remote.example", "jean", "changed");

        try {
            assertThatThrownBy(() -> service.update(BOB, paused.id().asString(),
                CollectorInput.builder().bool(CollectorField.ENABLED, true).build()))
                .isInstanceOf(RemoteCheckException.class);
        } finally {
            remote.greenMail().setUser("jean@remote.example", "jean", "secret");
        }

        assertThat(stores.collectors().find(paused.id()).orElseThrow().state())
            .isEqualTo(CollectorState.PAUSED);
    }

    private Collector pause(CollectorView view) throws Exception {
        return stores.collectors().update(view.collector().toBuilder().paused(true)
            .problem(Optional.of(Problem.of("authentication", "refused", Instant.now(),
                Optional.empty())))
            .build());
    }

    @Test
    void fetchAllAloneShouldAlsoDeleteAfterFetch() throws Exception {
        startService(Map.of());
        CollectorView created = service.create(BOB, imap("Jean", "jean", "secret")
            .bool(CollectorField.FETCH_ALL, false).bool(CollectorField.DELETE_AFTER_FETCH, false)
            .build());

        CollectorView updated = service.update(BOB, created.collector().id().asString(),
            CollectorInput.builder().bool(CollectorField.FETCH_ALL, true).build());

        assertThat(updated.collector().retention()).isEqualTo(Retention.fetchAll());
    }

    @Test
    void switchingToPop3ShouldDropTheSourceFolderAndResetFetchState() throws Exception {
        startService(Map.of());
        CollectorView created = service.create(BOB, imap("Jean", "jean", "secret")
            .string(CollectorField.SOURCE_FOLDER, "INBOX").build());
        stores.fetchStates().record(created.collector().id(), "imap:1:1",
            FetchStateStore.Status.COLLECTED, Instant.now());

        CollectorView updated = service.update(BOB, created.collector().id().asString(),
            CollectorInput.builder().string(CollectorField.PROTOCOL, "pop3")
                .integer(CollectorField.PORT, remote.port(Protocol.POP3)).build());

        assertThat(updated.collector().account().sourceFolder()).isEmpty();
        assertThat(stores.fetchStates().statuses(created.collector().id())).isEmpty();
    }

    @Test
    void anotherOwnersCollectorShouldLookLikeOneThatDoesNotExist() throws Exception {
        startService(Map.of());
        String id = service.create(BOB, imap("Jean", "jean", "secret").build())
            .collector().id().asString();
        String never = "6f1c1d4e-0000-4000-8000-000000000000";
        CollectorInput rename = CollectorInput.builder().string(CollectorField.NAME, "X").build();

        List<Throwable> foreign = failures(ALICE, id, rename);
        List<Throwable> missing = failures(ALICE, never, rename);

        assertThat(foreign).hasSize(5).allSatisfy(e -> assertThat(e)
            .isInstanceOf(CollectorNotFoundException.class)
            .hasMessage(CollectorNotFoundException.MESSAGE));
        assertThat(foreign).extracting(Throwable::getMessage)
            .isEqualTo(missing.stream().map(Throwable::getMessage)
                .collect(Collectors.toList()));
        assertThat(stores.collectors().find(CollectorId.of(id)).orElseThrow().name())
            .isEqualTo("Jean");
    }

    private List<Throwable> failures(Username caller, String id, CollectorInput input) {
        return List.of(
            caught(() -> service.get(caller, id)),
            caught(() -> service.update(caller, id, input)),
            caught(() -> service.collectNow(caller, id)),
            caught(() -> service.runs(caller, id)),
            caught(() -> service.delete(caller, id)));
    }

    private static Throwable caught(Action action) {
        try {
            action.run();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    @Test
    void collectNowShouldStartARunThenRefuseAnotherTooSoon() throws Exception {
        startService(Map.of());
        String id = service.create(BOB, imap("Jean", "jean", "secret").build())
            .collector().id().asString();

        Run run = service.collectNow(BOB, id);

        assertThat(run.trigger()).isEqualTo(Run.Trigger.USER);
        assertThat(service.run(BOB, id, run.id().asString()).id()).isEqualTo(run.id());
        awaitFinished(id, run);
        assertThatThrownBy(() -> service.collectNow(BOB, id))
            .isInstanceOfSatisfying(RetryLaterException.class, e ->
                assertThat(e.retryAfterSeconds()).isBetween(1L, 300L));
    }

    private void awaitFinished(String id, Run run) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (service.run(BOB, id, run.id().asString()).outcome() != Run.Outcome.RUNNING) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run did not finish");
    }

    @Test
    void collectNowShouldRefuseADisabledCollector() throws Exception {
        startService(Map.of());
        String id = service.create(BOB, imap("Jean", "jean", "secret")
            .bool(CollectorField.ENABLED, false).build()).collector().id().asString();

        assertThatThrownBy(() -> service.collectNow(BOB, id))
            .isInstanceOfSatisfying(CollectorConflictException.class, e ->
                assertThat(e.code()).isEqualTo("disabled"));
    }

    @Test
    void deleteShouldRemoveTheCollector() throws Exception {
        startService(Map.of());
        String id = service.create(BOB, imap("Jean", "jean", "secret").build())
            .collector().id().asString();

        service.delete(BOB, id);

        assertThat(service.list(BOB)).isEmpty();
    }

    @Test
    void targetFolderExistsShouldTellWhetherTheFolderIsThere() throws Exception {
        startService(Map.of());

        CollectorView there = service.create(BOB, imap("A", "jean", "secret")
            .string(CollectorField.TARGET_FOLDER, "Collected").build());
        CollectorView absent = service.create(BOB, pop3("B", "paul", "other")
            .string(CollectorField.TARGET_FOLDER, "Typo").build());

        assertThat(there.targetFolderExists()).contains(true);
        assertThat(absent.targetFolderExists()).contains(false);
        assertThat(service.folders(BOB)).containsExactly("Collected");
    }

    private static final class FixedFolders implements UserFolders {
        @Override
        public List<String> topLevel(Username user) {
            return List.of("Collected");
        }

        @Override
        public boolean exists(Username user, String folder) {
            return Set.of("Collected").contains(folder);
        }
    }
}
