package org.jamescollectors.delivery;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.apache.james.core.Username;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Protocol;

/**
 * One message downloaded from a remote account and waiting in a temporary file to be handed to
 * James. The file belongs to the caller: delivery reads it, never changes or deletes it.
 */
public final class CollectedMessage {
    private final Username owner;
    private final CollectorId collectorId;
    private final String collectorName;
    private final String messageKey;
    private final Protocol protocol;
    private final String remoteHost;
    private final Optional<String> targetFolder;
    private final Optional<Instant> internalDate;
    private final Path content;
    private final long size;

    private CollectedMessage(Builder builder) {
        this.owner = Objects.requireNonNull(builder.owner, "owner");
        this.collectorId = Objects.requireNonNull(builder.collectorId, "collectorId");
        this.collectorName = Objects.requireNonNull(builder.collectorName, "collectorName");
        this.messageKey = requireText(builder.messageKey, "messageKey");
        this.protocol = Objects.requireNonNull(builder.protocol, "protocol");
        this.remoteHost = requireText(builder.remoteHost, "remoteHost");
        this.targetFolder = Objects.requireNonNull(builder.targetFolder, "targetFolder")
            .filter(folder -> !folder.isBlank());
        this.internalDate = Objects.requireNonNull(builder.internalDate, "internalDate");
        this.content = Objects.requireNonNull(builder.content, "content");
        this.size = builder.size;
        if (size < 0) {
            throw new IllegalArgumentException("size < 0: " + size);
        }
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
        return value;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The James user the collector belongs to; the mail goes to this user's mailbox only. */
    public Username owner() {
        return owner;
    }

    public CollectorId collectorId() {
        return collectorId;
    }

    public String collectorName() {
        return collectorName;
    }

    /** The remote message's stable key, for example {@code imap:1700000:42} or a POP3 UIDL. */
    public String messageKey() {
        return messageKey;
    }

    public Protocol protocol() {
        return protocol;
    }

    public String remoteHost() {
        return remoteHost;
    }

    /** A top-level folder of the owner; empty means the Inbox through the owner's Sieve script. */
    public Optional<String> targetFolder() {
        return targetFolder;
    }

    /** The IMAP INTERNALDATE when the remote server gave one. */
    public Optional<Instant> internalDate() {
        return internalDate;
    }

    /** The temporary file holding the message exactly as the remote server served it. */
    public Path content() {
        return content;
    }

    /** The number of bytes in {@link #content()}. */
    public long size() {
        return size;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CollectedMessage)) {
            return false;
        }
        CollectedMessage that = (CollectedMessage) o;
        return owner.equals(that.owner) && collectorId.equals(that.collectorId)
            && collectorName.equals(that.collectorName) && messageKey.equals(that.messageKey)
            && protocol == that.protocol && remoteHost.equals(that.remoteHost)
            && targetFolder.equals(that.targetFolder) && internalDate.equals(that.internalDate)
            && content.equals(that.content) && size == that.size;
    }

    @Override
    public int hashCode() {
        return Objects.hash(owner, collectorId, collectorName, messageKey, protocol, remoteHost,
            targetFolder, internalDate, content, size);
    }

    @Override
    public String toString() {
        return "CollectedMessage{" + messageKey + " of collector " + collectorId + " for "
            + owner.asString() + ", " + size + " bytes}";
    }

    /** Builds a {@link CollectedMessage}; all is required but the target folder and the date. */
    public static final class Builder {
        private Username owner;
        private CollectorId collectorId;
        private String collectorName;
        private String messageKey;
        private Protocol protocol;
        private String remoteHost;
        private Optional<String> targetFolder = Optional.empty();
        private Optional<Instant> internalDate = Optional.empty();
        private Path content;
        private long size = -1;

        private Builder() {
        }

        public Builder owner(Username owner) {
            this.owner = owner;
            return this;
        }

        public Builder collectorId(CollectorId collectorId) {
            this.collectorId = collectorId;
            return this;
        }

        public Builder collectorName(String collectorName) {
            this.collectorName = collectorName;
            return this;
        }

        public Builder messageKey(String messageKey) {
            this.messageKey = messageKey;
            return this;
        }

        public Builder protocol(Protocol protocol) {
            this.protocol = protocol;
            return this;
        }

        public Builder remoteHost(String remoteHost) {
            this.remoteHost = remoteHost;
            return this;
        }

        public Builder targetFolder(Optional<String> targetFolder) {
            this.targetFolder = targetFolder;
            return this;
        }

        public Builder targetFolder(String targetFolder) {
            return targetFolder(Optional.of(targetFolder));
        }

        public Builder internalDate(Optional<Instant> internalDate) {
            this.internalDate = internalDate;
            return this;
        }

        public Builder internalDate(Instant internalDate) {
            return internalDate(Optional.of(internalDate));
        }

        /** The temporary file and its size in bytes. */
        public Builder content(Path content, long size) {
            this.content = content;
            this.size = size;
            return this;
        }

        public CollectedMessage build() {
            return new CollectedMessage(this);
        }
    }
}
