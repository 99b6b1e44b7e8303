package org.jamescollectors.security.rotation;

import javax.inject.Inject;

import org.apache.james.task.TaskId;
import org.apache.james.webadmin.Routes;

import spark.Service;

/**
 * Stands in, in tests, for the operator route that starts a rotation: {@code POST /test-rotation}
 * calls {@link KeyRotationService#start()} and answers {@code {"taskId":"..."}}.
 */
public class RotationTestRoutes implements Routes {
    static final String PATH = "/test-rotation";

    private final KeyRotationService service;

    @Inject
    public RotationTestRoutes(KeyRotationService service) {
        this.service = service;
    }

    @Override
    public String getBasePath() {
        return PATH;
    }

    @Override
    public void define(Service spark) {
        spark.post(PATH, (request, response) -> {
            TaskId id = service.start();
            response.status(201);
            return "{\"taskId\":\"" + id.asString() + "\"}";
        });
    }
}
