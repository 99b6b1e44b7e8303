package org.jamescollectors.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The harness' side of a {@link ScaleNode}: starts its JVM, asks it things, stops it. */
final class ScaleNodeProcess implements AutoCloseable {
    /** ./run's heap and collector, as for the James of the rest of the benchmark. */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx512m",
        "-Djava.awt.headless=true");
    private static final Logger LOGGER = LoggerFactory.getLogger(ScaleNodeProcess.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(40);

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    private ScaleNodeProcess(Process process) {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    static ScaleNodeProcess start(Path workingDirectory, Path samples,
                                  Map<String, String> settings) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        String extra = System.getenv().getOrDefault("BENCH_NODE_JAVA_OPTS", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        String logback = System.getProperty("logback.configurationFile");
        if (logback != null) {
            command.add("-Dlogback.configurationFile=" + logback);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
            ScaleNode.class.getName(), workingDirectory.toString(), samples.toString()));
        settings.forEach((key, value) -> command.add(key + "=" + value));
        ScaleNodeProcess node = new ScaleNodeProcess(
            new ProcessBuilder(command).redirectErrorStream(true).start());
        node.listen();
        node.await("ready", START_TIMEOUT);
        return node;
    }

    long pid() {
        return process.pid();
    }

    /** Sends the command and returns the words of its answer after the answer's name. */
    String ask(String command, Duration timeout) throws Exception {
        commands.write(command + "\n");
        commands.flush();
        return await(command.split(" ")[0], timeout);
    }

    private String await(String name, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String answer = answers.poll(1, TimeUnit.SECONDS);
        while (answer == null && process.isAlive() && System.nanoTime() < deadline) {
            answer = answers.poll(1, TimeUnit.SECONDS);
        }
        if (answer == null) {
            throw new IOException("the scale node did not answer " + name + " within "
                + timeout + (process.isAlive() ? "" : " (it has exited)"));
        }
        String expected = answerName(name);
        if (!answer.startsWith(expected)) {
            throw new IOException("the scale node answered " + name + " with " + answer);
        }
        return answer.substring(expected.length()).trim();
    }

    private static String answerName(String command) {
        switch (command) {
            case "create":
                return "created";
            case "schedule":
                return "scheduled";
            default:
                return command;
        }
    }

    /** Answers go to the queue; James' log lines go on to the harness' log. */
    private void listen() {
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(
                process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(ScaleNode.ANSWER)) {
                        answers.add(line.substring(ScaleNode.ANSWER.length()));
                    } else {
                        System.out.println("  [node] " + line);
                    }
                }
            } catch (IOException e) {
                LOGGER.debug("The scale node's output ended", e);
            }
        }, "scale-node-output");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void close() throws Exception {
        try {
            commands.write("stop\n");
            commands.flush();
        } catch (IOException e) {
            LOGGER.debug("The scale node has already gone", e);
        }
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            LOGGER.warn("The scale node did not stop within {}; killing it", STOP_TIMEOUT);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** For a shutdown hook: ends the node's JVM if it still runs. */
    void kill() {
        process.destroyForcibly();
    }
}
