package org.jamescollectors.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ExtensionJarsIT {
    private static final int FEWEST_JAMES_RUNTIME_ARTIFACTS = 100;

    private final Path folder = BuildOutput.path("extensions.jars.dir");

    @Test
    void folderShouldHoldExactlyTheRuntimeDependenciesOfOurModules() throws Exception {
        List<ListedArtifact> listed = ListedArtifact.readListing(
            BuildOutput.path("extensions.jars.list"));

        List<String> files = BuildOutput.fileNames(folder);

        assertThat(files).containsExactlyInAnyOrderElementsOf(
            listed.stream().map(ListedArtifact::fileName).collect(Collectors.toList()));
    }

    @Test
    void folderShouldHoldOurTwoModules() throws Exception {
        List<ListedArtifact> listed = ListedArtifact.readListing(
            BuildOutput.path("extensions.jars.list"));

        Set<String> artifacts = groupAndArtifacts(listed);

        assertThat(artifacts).contains("org.jamescollectors:james-fetchmail-plugin",
            "org.jamescollectors:webadmin-routes");
    }

    @Test
    void jamesRuntimeListingShouldDescribeTheMemoryServer() throws Exception {
        Set<String> james = jamesRuntime();

        assertThat(james).hasSizeGreaterThan(FEWEST_JAMES_RUNTIME_ARTIFACTS)
            .contains("org.apache.james:james-server-memory-app",
                "org.apache.james:james-server-guice-common", "org.slf4j:slf4j-api");
    }

    @Test
    void folderShouldShipNoArtifactTheJamesMemoryServerShips() throws Exception {
        Set<String> ours = groupAndArtifacts(ListedArtifact.readListing(
            BuildOutput.path("extensions.jars.list")));

        Set<String> james = jamesRuntime();

        assertThat(ours)
            .as("shipped by James 3.8.1 already: make it provided where it is declared, or"
                + " exclude it from the distribution's dependencies")
            .doesNotContainAnyElementsOf(james);
    }

    @Test
    void everyClassShouldLoadOnJava11() throws Exception {
        List<String> tooNew = new ArrayList<>();

        for (String jar : BuildOutput.fileNames(folder)) {
            tooNew.addAll(Java11Compatibility.classesNewerThanJava11(folder.resolve(jar)));
        }

        assertThat(tooNew).as("classes the Java 11 runtime of James 3.8.1 cannot load").isEmpty();
    }

    @Test
    void archiveShouldHoldTheFolderUnderExtensionsJars() throws Exception {
        List<String> expected = BuildOutput.fileNames(folder).stream()
            .map(jar -> "extensions-jars/" + jar)
            .collect(Collectors.toList());

        List<String> archived = TarEntries.fileNames(BuildOutput.path("extensions.jars.archive"));

        assertThat(archived).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static Set<String> jamesRuntime() throws Exception {
        return groupAndArtifacts(
            ListedArtifact.readListing(BuildOutput.path("james.runtime.list")));
    }

    private static Set<String> groupAndArtifacts(List<ListedArtifact> artifacts) {
        return artifacts.stream().map(ListedArtifact::groupAndArtifact).collect(Collectors.toSet());
    }
}
