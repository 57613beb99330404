package org.ebrelay.boot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `ebrelay serve` builds its configuration from the file and the options: the notifications: block must reach the node. */
class ServeCommandNotificationsTest {
    @TempDir
    Path dir;

    @Test
    void theNotificationSettingsOfTheFileSurviveTheCommandLineOverrides() throws Exception {
        Path file = Files.writeString(dir.resolve("ebrelay.yaml"), """
                notifications:
                  digestInterval: PT30M
                  adminWebhook: {url: "http://127.0.0.1:9/hook"}
                """);
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--config", file.toString(), "--port", "0");

        var notifications = serve.effectiveConfig().notifications();

        assertThat(notifications.digestInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(notifications.adminWebhook().url()).isEqualTo("http://127.0.0.1:9/hook");
    }
}
