package org.jamescollectors.security.rotation;

import java.time.Instant;
import java.util.Optional;

import org.apache.james.json.DTOModule;
import org.apache.james.server.task.json.dto.AdditionalInformationDTO;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON form of {@link KeyRotationDetails}, as {@code /tasks} shows it. */
public final class KeyRotationDetailsDTO implements AdditionalInformationDTO {
    public static final AdditionalInformationDTOModule<KeyRotationDetails, KeyRotationDetailsDTO>
        MODULE = DTOModule.forDomainObject(KeyRotationDetails.class)
            .convertToDTO(KeyRotationDetailsDTO.class)
            .toDomainObjectConverter(KeyRotationDetailsDTO::toDetails)
            .toDTOConverter(KeyRotationDetailsDTO::from)
            .typeName(KeyRotationTask.TYPE.asString())
            .withFactory(AdditionalInformationDTOModule::new);

    private final String type;
    private final Instant timestamp;
    private final int collectorsDone;
    private final int collectorsFailed;
    private final Optional<String> newKeyFingerprint;
    private final boolean keySwapped;

    public KeyRotationDetailsDTO(
        @JsonProperty("type") String type,
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("collectorsDone") int collectorsDone,
        @JsonProperty("collectorsFailed") int collectorsFailed,
        @JsonProperty("newKeyFingerprint") Optional<String> newKeyFingerprint,
        @JsonProperty("keySwapped") boolean keySwapped) {
        this.type = type;
        this.timestamp = timestamp;
        this.collectorsDone = collectorsDone;
        this.collectorsFailed = collectorsFailed;
        this.newKeyFingerprint = newKeyFingerprint;
        this.keySwapped = keySwapped;
    }

    private static KeyRotationDetailsDTO from(KeyRotationDetails details, String type) {
        return new KeyRotationDetailsDTO(type, details.timestamp(), details.collectorsDone(),
            details.collectorsFailed(), details.newKeyFingerprint(), details.keySwapped());
    }

    private KeyRotationDetails toDetails() {
        return KeyRotationDetails.of(collectorsDone, collectorsFailed, newKeyFingerprint,
            keySwapped, timestamp);
    }

    @Override
    public String getType() {
        return type;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    public int getCollectorsDone() {
        return collectorsDone;
    }

    public int getCollectorsFailed() {
        return collectorsFailed;
    }

    public Optional<String> getNewKeyFingerprint() {
        return newKeyFingerprint;
    }

    public boolean isKeySwapped() {
        return keySwapped;
    }
}
