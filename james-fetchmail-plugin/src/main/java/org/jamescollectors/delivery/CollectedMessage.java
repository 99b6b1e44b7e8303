package org.jamescollectors.delivery;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Username;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Protocol;

/** One downloaded message on its way into James. Stand-in for the delivery layer's type. */
public final class CollectedMessage {
    private final Builder builder;

    private CollectedMessage(Builder builder) {
        this.builder = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Username owner() {
        return builder.owner;
    }

    public Path content() {
        return builder.content;
    }

    /** Builds a {@link CollectedMessage}. */
    public static final class Builder {
        private Username owner;
        private Path content;

        private Builder() {
        }

        public Builder owner(Username owner) {
            this.owner = owner;
            return this;
        }

        public Builder collectorId(CollectorId collectorId) {
            return this;
        }

        public Builder collectorName(String collectorName) {
            return this;
        }

        public Builder messageKey(String messageKey) {
            return this;
        }

        public Builder protocol(Protocol protocol) {
            return this;
        }

        public Builder remoteHost(String remoteHost) {
            return this;
        }

        public Builder targetFolder(Optional<String> targetFolder) {
            return this;
        }

        public Builder internalDate(Optional<Instant> internalDate) {
            return this;
        }

        public Builder content(Path content, long size) {
            this.content = content;
            return this;
        }

        public CollectedMessage build() {
            return new CollectedMessage(this);
        }
    }
}
