package org.jamescollectors.security.rotation;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import org.apache.james.task.TaskId;
import org.apache.james.task.TaskManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts secret key rotations as James tasks, for the operator route
 * {@code POST /collectors-admin/secret-key/rotation}: the task then shows in WebAdmin's
 * {@code /tasks} with its progress. One rotation at a time; thread-safe.
 */
public final class KeyRotationService {
    private static final Logger LOGGER = LoggerFactory.getLogger(KeyRotationService.class);

    private final TaskManager taskManager;
    private final KeyRotation rotation;
    private final Clock clock;
    private Optional<TaskId> last = Optional.empty();

    public KeyRotationService(TaskManager taskManager, KeyRotation rotation, Clock clock) {
        this.taskManager = Objects.requireNonNull(taskManager, "taskManager");
        this.rotation = Objects.requireNonNull(rotation, "rotation");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Submits a rotation task and returns its id, for {@code /tasks/{id}}.
     *
     * @throws RotationInProgressException when the last one submitted has not finished yet
     */
    public synchronized TaskId start() throws RotationInProgressException {
        if (last.isPresent() && !isFinished(last.get())) {
            throw new RotationInProgressException(
                "a secret key rotation is already under way: task " + last.get().asString());
        }
        TaskId id = taskManager.submit(KeyRotationTask.of(rotation, clock));
        last = Optional.of(id);
        LOGGER.info("Secret key rotation submitted as task {}", id.asString());
        return id;
    }

    /** True while a rotation has begun and not finished, for instance after an interruption. */
    public boolean rotationPending() {
        return rotation.pending();
    }

    private boolean isFinished(TaskId id) {
        try {
            return taskManager.getExecutionDetails(id).getStatus().isFinished();
        } catch (RuntimeException e) {
            return true;
        }
    }
}
