package org.jamescollectors.security.rotation;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;
import org.apache.james.task.TaskType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The James task that rotates the secret key (see {@link KeyRotation}). It completes when the new
 * key replaced the old one and every collector was re-encrypted; it fails (James' "partial") when
 * some collector could not be, or when it was stopped: the rotation is then left open, both keys
 * accepted, and a new task finishes it.
 */
public final class KeyRotationTask implements Task {
    public static final TaskType TYPE = TaskType.of("collectors-secret-key-rotation");
    private static final Logger LOGGER = LoggerFactory.getLogger(KeyRotationTask.class);

    private final KeyRotation rotation;
    private final Clock clock;
    private final RotationProgress progress = new RotationProgress();

    private KeyRotationTask(KeyRotation rotation, Clock clock) {
        this.rotation = Objects.requireNonNull(rotation, "rotation");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static KeyRotationTask of(KeyRotation rotation, Clock clock) {
        return new KeyRotationTask(rotation, clock);
    }

    @Override
    public Result run() {
        try {
            KeyRotation.Outcome outcome = rotation.rotate(progress);
            boolean clean = outcome == KeyRotation.Outcome.FINISHED && progress.failed() == 0;
            return clean ? Result.COMPLETED : Result.PARTIAL;
        } catch (IOException | RotationInProgressException e) {
            LOGGER.error("Secret key rotation failed: {}", e.getMessage());
            return Result.PARTIAL;
        } catch (RuntimeException e) {
            LOGGER.error("Secret key rotation stopped; both keys stay accepted, start it again to"
                + " finish: {}", e.toString(), e);
            return Result.PARTIAL;
        }
    }

    @Override
    public TaskType type() {
        return TYPE;
    }

    @Override
    public Optional<TaskExecutionDetails.AdditionalInformation> details() {
        return Optional.of(KeyRotationDetails.from(progress, clock.instant()));
    }
}
