package org.jamescollectors.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListedArtifactTest {
    @TempDir
    Path work;

    @Test
    void parseShouldReadAnArtifactWithModuleInformation() throws Exception {
        String line = "   com.zaxxer:HikariCP:jar:4.0.3:compile -- module com.zaxxer.hikari";

        ListedArtifact artifact = ListedArtifact.parse(line).orElseThrow();

        assertThat(artifact.groupAndArtifact()).isEqualTo("com.zaxxer:HikariCP");
        assertThat(artifact.fileName()).isEqualTo("HikariCP-4.0.3.jar");
    }

    @Test
    void parseShouldKeepTheClassifierInTheFileName() throws Exception {
        String line = "   io.netty:netty-transport-native-epoll:jar:linux-x86_64:4.1.86.Final:"
            + "runtime";

        ListedArtifact artifact = ListedArtifact.parse(line).orElseThrow();

        assertThat(artifact.fileName())
            .isEqualTo("netty-transport-native-epoll-4.1.86.Final-linux-x86_64.jar");
    }

    @Test
    void parseShouldIgnoreTerminalColours() throws Exception {
        String line = "   org.slf4j:slf4j-api:jar:2.0.6:compile\u001B[36m -- module org.slf4j"
            + "\u001B[m";

        ListedArtifact artifact = ListedArtifact.parse(line).orElseThrow();

        assertThat(artifact.fileName()).isEqualTo("slf4j-api-2.0.6.jar");
    }

    @Test
    void readListingShouldSkipTheHeaderAndBlankLines() throws Exception {
        Path listing = Files.writeString(work.resolve("list.txt"), "\n"
            + "The following files have been resolved:\n"
            + "   org.apache.derby:derby:jar:10.14.2.0:compile -- module derby (auto)\n"
            + "   none\n"
            + "\n");

        List<ListedArtifact> artifacts = ListedArtifact.readListing(listing);

        assertThat(artifacts).extracting(ListedArtifact::groupAndArtifact)
            .containsExactly("org.apache.derby:derby");
    }
}
