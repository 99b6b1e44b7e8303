package org.jamescollectors.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class DockerfileCopiesTest {
    @Test
    void sourcesShouldListEverySourceButTheDestination() throws Exception {
        List<String> lines = List.of("FROM scratch", "COPY a.txt b/ /dest/");

        List<String> sources = DockerfileCopies.sources(lines);

        assertThat(sources).containsExactly("a.txt", "b/");
    }

    @Test
    void sourcesShouldFollowContinuedLinesAndSkipComments() throws Exception {
        List<String> lines = List.of("# COPY commented.txt /x/", "copy --chown=1:1 \\",
            "    first.txt \\", "# a comment inside the instruction", "    second.txt /dest/");

        List<String> sources = DockerfileCopies.sources(lines);

        assertThat(sources).containsExactly("first.txt", "second.txt");
    }

    @Test
    void sourcesShouldReadTheJsonForm() throws Exception {
        List<String> lines = List.of("ADD --chmod=644 [\"with space.txt\", \"other\", \"/dest/\"]");

        List<String> sources = DockerfileCopies.sources(lines);

        assertThat(sources).containsExactly("with space.txt", "other");
    }

    @Test
    void sourcesShouldSkipCopiesFromAnotherStage() throws Exception {
        List<String> lines = List.of("COPY --from=build /out/app.jar /app/", "RUN true");

        List<String> sources = DockerfileCopies.sources(lines);

        assertThat(sources).isEmpty();
    }

    @Test
    void sourcesShouldRefuseAVariableInASource() throws Exception {
        List<String> lines = List.of("ARG FLAVOUR=memory", "COPY conf/${FLAVOUR}/ /root/conf/");

        assertThatThrownBy(() -> DockerfileCopies.sources(lines))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("spell the path out");
    }

    @Test
    void sourcesShouldRefuseAnInstructionWithoutDestination() throws Exception {
        List<String> lines = List.of("COPY lonely.txt");

        assertThatThrownBy(() -> DockerfileCopies.sources(lines))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("no source and destination");
    }
}
