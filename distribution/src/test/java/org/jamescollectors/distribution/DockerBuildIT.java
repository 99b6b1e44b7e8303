package org.jamescollectors.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The Dockerfiles cannot be built here; this checks what can be checked without Docker. */
class DockerBuildIT {
    private final Path root = BuildOutput.path("repository.root");

    @Test
    void jamesImageShouldCopyTheExtensionsJars() throws Exception {
        List<String> sources = DockerfileCopies.sources(root.resolve("docker/Dockerfile"));

        assertThat(sources).contains("distribution/target/extensions-jars/");
    }

    @Test
    void jamesImageShouldCopyOnlyPathsThatExist() throws Exception {
        List<String> sources = DockerfileCopies.sources(root.resolve("docker/Dockerfile"));

        List<String> missing = missing(root, sources);

        assertThat(missing).as("COPY or ADD sources of docker/Dockerfile, from the repository root")
            .isEmpty();
    }

    @Test
    void jamesImageShouldCopyOnlyPathsItsDockerignoreKeeps() throws Exception {
        DockerignoreAllowList kept = DockerignoreAllowList.read(
            root.resolve("docker/Dockerfile.dockerignore"));

        List<String> sources = DockerfileCopies.sources(root.resolve("docker/Dockerfile"));

        assertThat(sources).allMatch(kept::keeps, "kept by docker/Dockerfile.dockerignore");
    }

    @Test
    void dovecotImageShouldCopyOnlyPathsThatExist() throws Exception {
        Path context = root.resolve("docker/dovecot");
        List<String> sources = DockerfileCopies.sources(context.resolve("Dockerfile"));

        List<String> missing = missing(context, sources);

        assertThat(sources).isNotEmpty();
        assertThat(missing).as("COPY or ADD sources of docker/dovecot/Dockerfile").isEmpty();
    }

    private static List<String> missing(Path context, List<String> sources) throws Exception {
        List<String> missing = new ArrayList<>();
        for (String source : sources) {
            if (!BuildOutput.exists(context, source)) {
                missing.add(source);
            }
        }
        return missing;
    }
}
