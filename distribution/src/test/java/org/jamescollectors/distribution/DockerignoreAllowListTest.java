package org.jamescollectors.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class DockerignoreAllowListTest {
    private final DockerignoreAllowList allowList = DockerignoreAllowList.parse(
        List.of("# only what the image needs", "*", "!conf-samples", "!distribution/target/jars/"));

    @Test
    void keepsShouldAcceptAPathUnderAKeptFolder() throws Exception {
        boolean kept = allowList.keeps("conf-samples/*.xml");

        assertThat(kept).isTrue();
    }

    @Test
    void keepsShouldAcceptTheKeptFolderItself() throws Exception {
        boolean kept = allowList.keeps("./distribution/target/jars/");

        assertThat(kept).isTrue();
    }

    @Test
    void keepsShouldRefuseAPathThatOnlySharesAPrefix() throws Exception {
        boolean kept = allowList.keeps("conf-samples-old/logback.xml");

        assertThat(kept).isFalse();
    }

    @Test
    void parseShouldRefuseAnIgnoreFileThatIsNotAnAllowList() throws Exception {
        List<String> lines = List.of("target", "!target/keep");

        assertThatThrownBy(() -> DockerignoreAllowList.parse(lines))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("starts with '*'");
    }

    @Test
    void parseShouldRefuseWildcardsInKeptPaths() throws Exception {
        List<String> lines = List.of("*", "!docker/*/conf");

        assertThatThrownBy(() -> DockerignoreAllowList.parse(lines))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("without wildcards");
    }
}
