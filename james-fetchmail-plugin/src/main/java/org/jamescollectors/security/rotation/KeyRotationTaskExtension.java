package org.jamescollectors.security.rotation;

import java.time.Clock;
import java.util.Set;

import javax.inject.Inject;
import javax.inject.Provider;

import org.apache.james.server.task.json.TaskExtensionModule;
import org.apache.james.server.task.json.dto.AdditionalInformationDTO;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;
import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;
import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;

/**
 * Makes the key rotation task known to James, named in {@code extensions.properties} as
 * {@code guice.extension.task}: WebAdmin's {@code /tasks} then shows its progress, and task
 * managers that store tasks can read it back. James creates it more than once, early: it takes
 * the rotation lazily so that nothing of the plugin starts then.
 */
public final class KeyRotationTaskExtension implements TaskExtensionModule {
    private final Provider<KeyRotation> rotation;
    private final Clock clock;

    @Inject
    public KeyRotationTaskExtension(Provider<KeyRotation> rotation, Clock clock) {
        this.rotation = rotation;
        this.clock = clock;
    }

    @Override
    public Set<TaskDTOModule<? extends Task, ? extends TaskDTO>> taskDTOModules() {
        return Set.of(KeyRotationTaskDTO.module(rotation::get, clock));
    }

    @Override
    public Set<AdditionalInformationDTOModule<? extends TaskExecutionDetails.AdditionalInformation,
        ? extends AdditionalInformationDTO>> taskAdditionalInformationDTOModules() {
        return Set.of(KeyRotationDetailsDTO.MODULE);
    }
}
