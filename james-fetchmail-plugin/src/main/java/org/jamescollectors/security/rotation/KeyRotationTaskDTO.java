package org.jamescollectors.security.rotation;

import java.time.Clock;
import java.util.function.Supplier;

import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON form of a {@link KeyRotationTask}, for task managers that store tasks (the distributed
 * flavour): it has no parameter besides its type.
 */
public final class KeyRotationTaskDTO implements TaskDTO {
    private final String type;

    public KeyRotationTaskDTO(@JsonProperty("type") String type) {
        this.type = type;
    }

    /** The DTO module; a task read back runs the rotation {@code rotation} gives then. */
    public static TaskDTOModule<KeyRotationTask, KeyRotationTaskDTO> module(
        Supplier<KeyRotation> rotation, Clock clock) {
        return TaskDTOModule.forTask(KeyRotationTask.class)
            .convertToDTO(KeyRotationTaskDTO.class)
            .toDomainObjectConverter(dto -> KeyRotationTask.of(rotation.get(), clock))
            .toDTOConverter((task, typeName) -> new KeyRotationTaskDTO(typeName))
            .typeName(KeyRotationTask.TYPE.asString())
            .withFactory(TaskDTOModule::new);
    }

    @Override
    public String getType() {
        return type;
    }
}
