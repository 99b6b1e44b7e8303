package org.jamescollectors.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Java11CompatibilityTest {
    private static byte[] java11Class;
    private static byte[] java17Class;

    @TempDir
    static Path work;

    @BeforeAll
    static void compileProbes() throws Exception {
        java11Class = compile("Probe11", 11);
        java17Class = compile("Probe17", 17);
    }

    @Test
    void classesNewerThanJava11ShouldReportAClassCompiledForJava17() throws Exception {
        Path jar = jar("new.jar", Map.of("org/example/Probe17.class", java17Class));

        List<String> tooNew = Java11Compatibility.classesNewerThanJava11(jar);

        assertThat(tooNew).containsExactly(
            "new.jar!/org/example/Probe17.class has class-file version 61 (Java 17),"
                + " Java 11 loads up to 55");
    }

    @Test
    void classesNewerThanJava11ShouldAcceptAClassCompiledForJava11() throws Exception {
        Path jar = jar("old.jar", Map.of("org/example/Probe11.class", java11Class));

        List<String> tooNew = Java11Compatibility.classesNewerThanJava11(jar);

        assertThat(tooNew).isEmpty();
    }

    @Test
    void classesNewerThanJava11ShouldIgnoreMultiReleaseEntriesForJava12AndLater() throws Exception {
        Path jar = jar("multi.jar", Map.of(
            "META-INF/versions/17/org/example/Probe17.class", java17Class,
            "org/example/Probe11.class", java11Class));

        List<String> tooNew = Java11Compatibility.classesNewerThanJava11(jar);

        assertThat(tooNew).isEmpty();
    }

    @Test
    void classesNewerThanJava11ShouldCheckMultiReleaseEntriesUpToJava11() throws Exception {
        Path jar = jar("eleven.jar", Map.of(
            "META-INF/versions/11/org/example/Probe17.class", java17Class));

        List<String> tooNew = Java11Compatibility.classesNewerThanJava11(jar);

        assertThat(tooNew).hasSize(1);
    }

    @Test
    void classesNewerThanJava11ShouldIgnoreModuleDescriptors() throws Exception {
        Path jar = jar("module.jar", Map.of("module-info.class", java17Class));

        List<String> tooNew = Java11Compatibility.classesNewerThanJava11(jar);

        assertThat(tooNew).isEmpty();
    }

    @Test
    void classesNewerThanJava11ShouldFailOnAClassFileThatIsNotOne() throws Exception {
        Path jar = jar("broken.jar", Map.of("org/example/Broken.class",
            "not a class".getBytes(StandardCharsets.US_ASCII)));

        assertThatThrownBy(() -> Java11Compatibility.classesNewerThanJava11(jar))
            .hasMessageContaining("org/example/Broken.class is not a class file");
    }

    private static byte[] compile(String className, int release) throws IOException {
        Path sources = Files.createDirectories(work.resolve("src" + release + "/org/example"));
        Path source = Files.writeString(sources.resolve(className + ".java"),
            "package org.example; public class " + className + " {}");
        Path classes = Files.createDirectories(work.resolve("classes" + release));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();

        int status = javac.run(null, null, null, "--release", String.valueOf(release),
            "-d", classes.toString(), source.toString());

        assertThat(status).as("javac --release " + release).isZero();
        return Files.readAllBytes(classes.resolve("org/example/" + className + ".class"));
    }

    private static Path jar(String name, Map<String, byte[]> entries) throws IOException {
        Path jar = work.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar);
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return jar;
    }
}
