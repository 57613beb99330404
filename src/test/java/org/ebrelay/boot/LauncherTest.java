package org.ebrelay.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code scripts/ebrelay} as a user runs it: the real script in a copy of the project's layout, whose
 * jar is a probe that reports the collector the JVM runs and the arguments it was given.
 */
class LauncherTest {

    @TempDir
    Path root;

    /** The probe's main class, started by the launcher through the stand-in jar. */
    public static final class Probe {
        public static void main(String[] args) {
            String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(","));
            System.out.println("collectors=" + collectors);
            System.out.println("args=" + String.join(" ", args));
        }
    }

    @Test
    void runsZgcWhenJavaOptsPicksNoCollector() throws Exception {
        assertThat(launch(null, "serve", "--port", "1")).contains("collectors=ZGC").contains("args=serve --port 1");
        assertThat(launch("-Debrelay.log.level=INFO")).contains("collectors=ZGC");
    }

    @Test
    void leavesTheCollectorToJavaOptsWhenItNamesOne() throws Exception {
        assertThat(launch("-XX:+UseG1GC")).contains("collectors=G1").doesNotContain("ZGC");
        assertThat(launch("-Xmx256m -XX:+UseSerialGC")).doesNotContain("ZGC").doesNotContain("G1");
    }

    private String launch(String javaOpts, String... args) throws IOException, InterruptedException {
        Path script = layOutProject();
        ProcessBuilder builder = new ProcessBuilder(concat(List.of("bash", script.toString()), args));
        Map<String, String> env = builder.environment();
        env.remove("JAVA_OPTS");
        if (javaOpts != null) {
            env.put("JAVA_OPTS", javaOpts);
        }
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** The script, a pom and sources older than the jar (so it does not build), and the probe as the jar. */
    private Path layOutProject() throws IOException {
        Path script = root.resolve("scripts/ebrelay");
        if (Files.exists(script)) {
            return script;
        }
        Files.createDirectories(script.getParent());
        Files.copy(Path.of("scripts/ebrelay"), script);
        Files.createDirectories(root.resolve("target/lib"));
        FileTime earlier = FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(Files.writeString(root.resolve("pom.xml"), "<project/>"), earlier);
        Files.setLastModifiedTime(Files.createDirectories(root.resolve("src/main")), earlier);

        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Probe.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, testClasses());
        try (OutputStream out = Files.newOutputStream(root.resolve("target/ebrelay-0.1.0-SNAPSHOT.jar"));
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return script;
    }

    private static String testClasses() {
        try {
            return Path.of(Probe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> concat(List<String> head, String... tail) {
        return Stream.concat(head.stream(), Arrays.stream(tail)).toList();
    }
}
