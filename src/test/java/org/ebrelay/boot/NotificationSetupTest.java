package org.ebrelay.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.ebrelay.adapter.webhook.HttpApplicationWebhook;
import org.ebrelay.app.notify.AdminChannel;
import org.ebrelay.boot.config.ConfigLoader;
import org.ebrelay.boot.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notifications: settings, from the YAML file to the administrator channels, and what start-up refuses. */
class NotificationSetupTest {
    private static final HttpApplicationWebhook HTTP = new HttpApplicationWebhook(Duration.ofSeconds(1),
            Duration.ofSeconds(1));

    @TempDir
    Path dir;

    private static List<AdminChannel> channels(GatewayConfig.Notifications n) {
        return NotificationSetup.channels(n, "node-1", HTTP, Clock.systemUTC());
    }

    @Test
    void byDefaultThereIsNoAdministratorChannelAndTheDigestComesEveryQuarterOfAnHour() {
        GatewayConfig.Notifications n = new ConfigLoader().load(Path.of("conf/ebrelay.yaml")).notifications();

        assertThat(n).isEqualTo(GatewayConfig.Notifications.defaults());
        assertThat(n.digestInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(channels(n)).isEmpty();
    }

    @Test
    void mailAndWebhookSettingsFromTheFileMakeTwoChannels() throws Exception {
        Path file = Files.writeString(dir.resolve("ebrelay.yaml"), """
                notifications:
                  digestInterval: PT5M
                  smtp: {host: smtp.example.org, port: 587, username: relay, password: secret, starttls: true}
                  adminEmail: {from: ebrelay@example.org, to: [ops@example.org, oncall@example.org]}
                  adminWebhook: {url: "https://monitor.example.org/hook"}
                """);

        GatewayConfig.Notifications n = new ConfigLoader().load(file).notifications();

        assertThat(n.digestInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(n.promptDelay()).as("a default kept").isEqualTo(Duration.ofSeconds(5));
        assertThat(n.smtp().starttls()).isTrue();
        assertThat(channels(n)).extracting(AdminChannel::describe).containsExactly(
                "e-mail to ops@example.org, oncall@example.org via smtp.example.org:587",
                "webhook https://monitor.example.org/hook");
    }

    @Test
    void startUpRefusesRecipientsWithoutAServerAndAWebhookThatIsNoUrl() {
        GatewayConfig.Notifications n = new GatewayConfig.Notifications(Duration.ZERO, Duration.ofSeconds(5), 5, true,
                GatewayConfig.Smtp.defaults(), new GatewayConfig.AdminEmail("ebrelay@example.org",
                List.of("ops@example.org")), new GatewayConfig.AdminWebhook("monitor/hook"));

        assertThatThrownBy(() -> channels(n)).isInstanceOf(StartupException.class)
                .hasMessageContaining("notifications.digestInterval")
                .hasMessageContaining("notifications.adminEmail.to is set but notifications.smtp.host is not")
                .hasMessageContaining("notifications.adminWebhook.url 'monitor/hook'");
    }
}
