package org.jamescollectors.collect;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.apache.james.core.Username;

/**
 * One collector as stored: who owns it, where it logs in, what it takes, where the mail goes and
 * where it stands. Immutable; change it with {@link #toBuilder()}. {@code version} counts the
 * updates and guards against lost updates between nodes sharing one store.
 */
public final class Collector {
    private final CollectorId id;
    private final Username owner;
    private final String name;
    private final RemoteAccount account;
    private final String encryptedPassword;
    private final Retention retention;
    private final Optional<String> targetFolder;
    private final boolean enabled;
    private final boolean paused;
    private final Optional<Problem> problem;
    private final int consecutiveFailures;
    private final Instant createdAt;
    private final Instant nextRunAt;
    private final long version;

    private Collector(Builder builder) {
        this.id = Objects.requireNonNull(builder.id, "id");
        this.owner = Objects.requireNonNull(builder.owner, "owner");
        this.name = Objects.requireNonNull(builder.name, "name");
        this.account = Objects.requireNonNull(builder.account, "account");
        this.encryptedPassword =
            Objects.requireNonNull(builder.encryptedPassword, "encryptedPassword");
        this.retention = Objects.requireNonNull(builder.retention, "retention");
        this.targetFolder = Objects.requireNonNull(builder.targetFolder, "targetFolder");
        this.enabled = builder.enabled;
        this.paused = builder.paused;
        this.problem = Objects.requireNonNull(builder.problem, "problem");
        this.consecutiveFailures = builder.consecutiveFailures;
        this.createdAt = Objects.requireNonNull(builder.createdAt, "createdAt");
        this.nextRunAt = Objects.requireNonNull(builder.nextRunAt, "nextRunAt");
        this.version = builder.version;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
            .id(id).owner(owner).name(name).account(account).encryptedPassword(encryptedPassword)
            .retention(retention).targetFolder(targetFolder).enabled(enabled).paused(paused)
            .problem(problem).consecutiveFailures(consecutiveFailures).createdAt(createdAt)
            .nextRunAt(nextRunAt).version(version);
    }

    public CollectorId id() {
        return id;
    }

    public Username owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public RemoteAccount account() {
        return account;
    }

    /** The password as the store keeps it, encrypted by {@code security.SecretCipher}. */
    public String encryptedPassword() {
        return encryptedPassword;
    }

    public Retention retention() {
        return retention;
    }

    /**
     * The top-level folder mail goes to; empty means the Inbox through the user's Sieve filters.
     */
    public Optional<String> targetFolder() {
        return targetFolder;
    }

    /** The owner's switch. */
    public boolean enabled() {
        return enabled;
    }

    /** Set by the system when only the owner can fix things. */
    public boolean paused() {
        return paused;
    }

    public CollectorState state() {
        if (!enabled) {
            return CollectorState.DISABLED;
        }
        return paused ? CollectorState.PAUSED : CollectorState.ACTIVE;
    }

    public Optional<Problem> problem() {
        return problem;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant nextRunAt() {
        return nextRunAt;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Collector)) {
            return false;
        }
        Collector that = (Collector) o;
        return id.equals(that.id) && owner.equals(that.owner) && name.equals(that.name)
            && account.equals(that.account) && encryptedPassword.equals(that.encryptedPassword)
            && retention.equals(that.retention) && targetFolder.equals(that.targetFolder)
            && enabled == that.enabled && paused == that.paused && problem.equals(that.problem)
            && consecutiveFailures == that.consecutiveFailures && createdAt.equals(that.createdAt)
            && nextRunAt.equals(that.nextRunAt) && version == that.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, owner, name, account, encryptedPassword, retention, targetFolder,
            enabled, paused, problem, consecutiveFailures, createdAt, nextRunAt, version);
    }

    @Override
    public String toString() {
        return "Collector{" + id + " of " + owner.asString() + ", " + account
            + ", " + state() + "}";
    }

    /** Builds a {@link Collector}; every field but the flags, counters and version is required. */
    public static final class Builder {
        private CollectorId id;
        private Username owner;
        private String name;
        private RemoteAccount account;
        private String encryptedPassword;
        private Retention retention = Retention.fetchAll();
        private Optional<String> targetFolder = Optional.empty();
        private boolean enabled = true;
        private boolean paused;
        private Optional<Problem> problem = Optional.empty();
        private int consecutiveFailures;
        private Instant createdAt;
        private Instant nextRunAt;
        private long version;

        private Builder() {
        }

        public Builder id(CollectorId id) {
            this.id = id;
            return this;
        }

        public Builder owner(Username owner) {
            this.owner = owner;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder account(RemoteAccount account) {
            this.account = account;
            return this;
        }

        public Builder encryptedPassword(String encryptedPassword) {
            this.encryptedPassword = encryptedPassword;
            return this;
        }

        public Builder retention(Retention retention) {
            this.retention = retention;
            return this;
        }

        public Builder targetFolder(Optional<String> targetFolder) {
            this.targetFolder = targetFolder;
            return this;
        }

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder paused(boolean paused) {
            this.paused = paused;
            return this;
        }

        public Builder problem(Optional<Problem> problem) {
            this.problem = problem;
            return this;
        }

        public Builder consecutiveFailures(int consecutiveFailures) {
            this.consecutiveFailures = consecutiveFailures;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder nextRunAt(Instant nextRunAt) {
            this.nextRunAt = nextRunAt;
            return this;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public Collector build() {
            return new Collector(this);
        }
    }
}
