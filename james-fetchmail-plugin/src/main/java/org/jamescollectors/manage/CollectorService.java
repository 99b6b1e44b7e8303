package org.jamescollectors.manage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.core.Username;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Password;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.RunId;
import org.jamescollectors.config.CollectorsConfiguration;
import org.jamescollectors.manage.provider.ProviderAssistant;
import org.jamescollectors.manage.provider.ProviderPresets;
import org.jamescollectors.schedule.CollectionScheduler;
import org.jamescollectors.schedule.TooSoonException;
import org.jamescollectors.security.SecretCipher;
import org.jamescollectors.security.SecretException;
import org.jamescollectors.store.DuplicateCollectorException;
import org.jamescollectors.store.StaleCollectorException;
import org.jamescollectors.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What users do with their own collectors: list, read, create, change, delete, collect now, and
 * read runs. Every method takes the authenticated owner and only ever sees that owner's
 * collectors: another owner's collector is reported exactly as one that does not exist. Creating
 * and changing access data log in to the remote account first; on any refusal nothing is saved.
 * Thread-safe.
 */
@Singleton
public final class CollectorService {
    private static final Logger LOGGER = LoggerFactory.getLogger(CollectorService.class);
    private static final int UPDATE_ATTEMPTS = 3;
    private static final Duration BUSY_RETRY = Duration.ofMinutes(1);
    private static final Duration MAINTENANCE_RETRY = Duration.ofMinutes(15);

    private final Stores stores;
    private final SecretCipher cipher;
    private final CollectionScheduler scheduler;
    private final CollectorsConfiguration configuration;
    private final Clock clock;
    private final StorageQuotas quotas;
    private final UserFolders folders;
    private final RemoteCheck remoteCheck;
    private final ProviderAssistant providers;
    private final AttemptCounter validations;
    private final Object[] ownerLocks = newLocks(64);

    @Inject
    public CollectorService(Stores stores, SecretCipher cipher, CollectionScheduler scheduler,
                            CollectorsConfiguration configuration, Clock clock,
                            StorageQuotas quotas, UserFolders folders, RemoteCheck remoteCheck,
                            ProviderAssistant providers) {
        this.stores = stores;
        this.cipher = cipher;
        this.scheduler = scheduler;
        this.configuration = configuration;
        this.clock = clock;
        this.quotas = quotas;
        this.folders = folders;
        this.remoteCheck = remoteCheck;
        this.providers = providers;
        this.validations = AttemptCounter.of(configuration.api().validationsPerUser(),
            configuration.api().validationWindow(), clock);
    }

    /** The owner's collectors, oldest first. */
    public List<CollectorView> list(Username owner) {
        return stores.collectors().listByOwner(owner).stream()
            .map(this::view)
            .collect(Collectors.toList());
    }

    public CollectorView get(Username owner, String id) throws CollectorNotFoundException {
        return view(owned(owner, id));
    }

    public Usage usage(Username owner) {
        return Usage.of(stores.collectors().countByOwner(owner), allowed(owner));
    }

    /** The owner's top-level mailboxes other than INBOX, the possible target folders. */
    public List<String> folders(Username owner) {
        return folders.topLevel(owner);
    }

    /**
     * Suggested settings for an address or a domain; empty when nothing is known about it.
     *
     * @throws InvalidFieldException (field {@code address}) when it is neither
     */
    public Optional<ProviderPresets> presets(String addressOrDomain) throws InvalidFieldException {
        return providers.forDomain(FieldRules.addressDomain(addressOrDomain));
    }

    /**
     * Checks the fields, the owner's allowance, duplicates and the remote login, then saves.
     *
     * @throws CollectorServiceException saying which check refused; nothing is saved then
     */
    public CollectorView create(Username owner, CollectorInput input)
        throws CollectorServiceException {
        CollectorEdit edit = CollectorEdit.forCreation(input);
        edit.checkPolicy(configuration.allowedPorts(), configuration.allowPlaintext());
        checkAllowance(owner);
        List<Collector> others = stores.collectors().listByOwner(owner);
        checkDuplicates(others, Optional.empty(), edit);
        Password password = edit.newPassword().orElseThrow();
        verify(owner, edit.account(), password);
        Collector created;
        // Checked again now that the remote login is done: another request of the same owner
        // may have saved a collector meanwhile.
        synchronized (lockOf(owner)) {
            checkAllowance(owner);
            checkDuplicates(stores.collectors().listByOwner(owner), Optional.empty(), edit);
            created = save(newCollector(owner, edit, password));
        }
        LOGGER.info("Collector created: collector={} protocol={} host={}", created.id(),
            created.account().protocol().wireName(), created.account().host());
        return view(created);
    }

    /**
     * Applies the given fields. Any access field, or enabling a paused collector, logs in to the
     * remote account first; success re-activates a paused collector.
     */
    public CollectorView update(Username owner, String id, CollectorInput input)
        throws CollectorServiceException {
        Collector current = owned(owner, id);
        CollectorEdit edit = CollectorEdit.forChange(current, input);
        boolean needsCheck = input.touchesAccess()
            || current.paused() && input.bool(CollectorField.ENABLED).orElse(false);
        if (input.touchesAccess()) {
            edit.checkPolicy(configuration.allowedPorts(), configuration.allowPlaintext());
        }
        checkDuplicates(stores.collectors().listByOwner(owner), Optional.of(current.id()), edit);
        if (needsCheck) {
            Optional<Password> given = edit.newPassword();
            Password password = given.isPresent() ? given.get() : storedPassword(current);
            verify(owner, edit.account(), password);
        }
        Collector updated;
        synchronized (lockOf(owner)) {
            checkDuplicates(stores.collectors().listByOwner(owner), Optional.of(current.id()),
                edit);
            updated = store(current, edit, needsCheck);
        }
        if (!sameMailbox(current.account(), updated.account())) {
            stores.fetchStates().deleteAll(updated.id());
        }
        LOGGER.info("Collector changed: collector={} fields={} checked={}", updated.id(),
            input.fields().stream().map(CollectorField::wireName).collect(Collectors.toList()),
            needsCheck);
        return view(updated);
    }

    /** Deletes the collector, its fetch state and its runs. */
    public void delete(Username owner, String id) throws CollectorNotFoundException {
        Collector collector = owned(owner, id);
        stores.collectors().delete(collector.id());
        LOGGER.info("Collector deleted: collector={}", collector.id());
    }

    /** Starts a run now, or returns the one under way. Rate-limited per collector. */
    public Run collectNow(Username owner, String id) throws CollectorServiceException {
        Collector collector = owned(owner, id);
        if (!collector.enabled()) {
            throw new CollectorConflictException("disabled", "the collector is disabled; enable it"
                + " before asking for a collection");
        }
        if (collector.paused()) {
            throw new CollectorConflictException("paused", "the collector is paused until its"
                + " access data is checked again; send it (or enabled: true) first");
        }
        if (scheduler.isSuspended()) {
            throw new RetryLaterException(MAINTENANCE_RETRY, "collection is suspended for"
                + " maintenance by the operator; try again later");
        }
        try {
            return scheduler.runNow(collector.id()).orElseThrow(() -> new RetryLaterException(
                BUSY_RETRY, "the collector cannot start now because its remote server is busy"
                    + " with other collections; try again in a minute"));
        } catch (TooSoonException e) {
            throw new RetryLaterException(e.retryAfter(), "the collector ran recently; collections"
                + " are at least " + describe(configuration.minimumInterval()) + " apart");
        }
    }

    /** The collector's recent runs, newest first. */
    public List<Run> runs(Username owner, String id) throws CollectorNotFoundException {
        Collector collector = owned(owner, id);
        return stores.runs().recent(collector.id(), configuration.runHistorySize());
    }

    public Run run(Username owner, String id, String runId) throws CollectorServiceException {
        Collector collector = owned(owner, id);
        return parseRunId(runId)
            .flatMap(run -> stores.runs().find(collector.id(), run))
            .orElseThrow(RunNotFoundException::new);
    }

    private Collector owned(Username owner, String id) throws CollectorNotFoundException {
        return parseCollectorId(id)
            .flatMap(collectorId -> stores.collectors().find(collectorId))
            .filter(collector -> collector.owner().equals(owner))
            .orElseThrow(CollectorNotFoundException::new);
    }

    private static Optional<CollectorId> parseCollectorId(String id) {
        try {
            return Optional.of(CollectorId.of(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<RunId> parseRunId(String id) {
        try {
            return Optional.of(RunId.of(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private CollectorView view(Collector collector) {
        Optional<Run> lastRun = stores.runs().recent(collector.id(), 1).stream().findFirst();
        Optional<Boolean> targetExists = collector.targetFolder()
            .map(folder -> folders.exists(collector.owner(), folder));
        return CollectorView.of(collector, lastRun, targetExists);
    }

    /**
     * The lock under which an owner's collectors are checked and saved, so that two requests
     * at once cannot both pass the allowance or the duplicate checks. It holds within one node;
     * two nodes creating for the same owner at the same instant are not covered.
     */
    private Object lockOf(Username owner) {
        String key = owner.asString().toLowerCase(Locale.ROOT);
        return ownerLocks[Math.floorMod(key.hashCode(), ownerLocks.length)];
    }

    private static Object[] newLocks(int count) {
        Object[] locks = new Object[count];
        for (int i = 0; i < count; i++) {
            locks[i] = new Object();
        }
        return locks;
    }

    private int allowed(Username owner) {
        return configuration.allowance().allowedFor(quotas.storageLimit(owner));
    }

    private void checkAllowance(Username owner) throws CollectorLimitException {
        OptionalLong quota = quotas.storageLimit(owner);
        Usage usage = Usage.of(stores.collectors().countByOwner(owner),
            configuration.allowance().allowedFor(quota));
        if (usage.full()) {
            throw new CollectorLimitException(usage, AllowanceMessage.of(configuration.allowance(),
                quota, usage.allowed()));
        }
    }

    private static void checkDuplicates(List<Collector> owned, Optional<CollectorId> self,
                                        CollectorEdit edit) throws CollectorConflictException {
        List<Collector> others = owned.stream()
            .filter(collector -> self.map(id -> !id.equals(collector.id())).orElse(true))
            .collect(Collectors.toList());
        if (others.stream().anyMatch(other -> other.name().equalsIgnoreCase(edit.name()))) {
            throw new CollectorConflictException("name-taken", "you already have a collector"
                + " named " + edit.name());
        }
        if (others.stream().anyMatch(other -> sameMailbox(other.account(), edit.account()))) {
            throw new CollectorConflictException("account-taken", "another of your collectors"
                + " already collects from this account and folder");
        }
    }

    /** Same server, user and folder: the same remote mailbox, whatever port or security. */
    private static boolean sameMailbox(RemoteAccount a, RemoteAccount b) {
        return a.protocol() == b.protocol() && a.host().equals(b.host())
            && a.username().toLowerCase(Locale.ROOT).equals(b.username().toLowerCase(Locale.ROOT))
            && a.sourceFolder().equals(b.sourceFolder());
    }

    private void verify(Username owner, RemoteAccount account, Password password)
        throws CollectorServiceException {
        Optional<Duration> blocked = validations.tryAcquire(owner.asString());
        if (blocked.isPresent()) {
            throw new RetryLaterException(blocked.get(), "too many remote checks in a short time;"
                + " try again later");
        }
        remoteCheck.verify(owner, account, password);
    }

    private Password storedPassword(Collector collector) throws InvalidFieldException {
        try {
            return cipher.decrypt(collector.id(), collector.encryptedPassword());
        } catch (SecretException e) {
            LOGGER.warn("Stored password unreadable: collector={} {}", collector.id(),
                e.getMessage());
            throw new InvalidFieldException(CollectorField.PASSWORD, "the stored password cannot"
                + " be read on this server; send the password again");
        }
    }

    private Collector newCollector(Username owner, CollectorEdit edit, Password password) {
        CollectorId id = CollectorId.random();
        Instant now = clock.instant();
        return Collector.builder()
            .id(id).owner(owner).name(edit.name()).account(edit.account())
            .encryptedPassword(cipher.encrypt(id, password))
            .retention(edit.retention()).targetFolder(edit.targetFolder())
            .enabled(edit.enabled()).createdAt(now).nextRunAt(now)
            .build();
    }

    private Collector save(Collector collector) throws CollectorConflictException {
        try {
            return stores.collectors().create(collector);
        } catch (DuplicateCollectorException e) {
            throw nameTaken(collector.name());
        }
    }

    /** Writes the edit over the stored collector, again over a fresher copy if it changed. */
    private Collector store(Collector read, CollectorEdit edit, boolean checked)
        throws CollectorConflictException {
        Collector current = read;
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            try {
                return stores.collectors().update(apply(current, edit, checked));
            } catch (DuplicateCollectorException e) {
                throw nameTaken(edit.name());
            } catch (StaleCollectorException e) {
                current = fresher(read);
            }
        }
        throw changedMeanwhile();
    }

    /** The collector as stored now, if only its run state moved since it was read. */
    private Collector fresher(Collector read) throws CollectorConflictException {
        Collector now = stores.collectors().find(read.id()).orElseThrow(this::changedMeanwhile);
        boolean sameUserData = now.name().equals(read.name())
            && now.account().equals(read.account())
            && now.encryptedPassword().equals(read.encryptedPassword());
        if (!sameUserData) {
            throw changedMeanwhile();
        }
        return now;
    }

    private Collector apply(Collector current, CollectorEdit edit, boolean checked) {
        Collector.Builder next = current.toBuilder()
            .name(edit.name()).account(edit.account()).retention(edit.retention())
            .targetFolder(edit.targetFolder()).enabled(edit.enabled());
        edit.newPassword().ifPresent(password ->
            next.encryptedPassword(cipher.encrypt(current.id(), password)));
        if (checked && (current.paused() || current.problem().isPresent())) {
            next.paused(false).problem(Optional.empty()).consecutiveFailures(0)
                .nextRunAt(clock.instant());
        }
        return next.build();
    }

    private CollectorConflictException changedMeanwhile() {
        return new CollectorConflictException("changed-meanwhile", "the collector was changed or"
            + " deleted at the same time; read it again and retry");
    }

    private static CollectorConflictException nameTaken(String name) {
        return new CollectorConflictException("name-taken", "you already have a collector named "
            + name);
    }

    private static String describe(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes >= 1 ? minutes + " minute(s)" : duration.toSeconds() + " second(s)";
    }
}
