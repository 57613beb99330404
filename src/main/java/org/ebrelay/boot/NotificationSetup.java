package org.ebrelay.boot;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ebrelay.adapter.notify.SmtpAdminChannel;
import org.ebrelay.adapter.notify.SmtpSettings;
import org.ebrelay.adapter.notify.WebhookAdminChannel;
import org.ebrelay.app.notify.AdminChannel;
import org.ebrelay.app.port.out.ApplicationWebhook;
import org.ebrelay.boot.config.GatewayConfig;

/**
 * The administrator channels the {@code notifications:} settings ask for, checked at start-up: every problem is
 * reported at once, and the node does not start with a half-configured channel.
 */
final class NotificationSetup {
    private NotificationSetup() {
    }

    static List<AdminChannel> channels(GatewayConfig.Notifications n, String node, ApplicationWebhook http,
                                       Clock clock) {
        List<String> problems = new ArrayList<>();
        positive(n.digestInterval(), "notifications.digestInterval", problems);
        if (n.promptDelay() == null || n.promptDelay().isNegative()) {
            problems.add("notifications.promptDelay must not be negative");
        }
        if (n.examplesPerKind() < 0) {
            problems.add("notifications.examplesPerKind must not be negative");
        }
        List<AdminChannel> channels = new ArrayList<>();
        email(n, node, clock, problems, channels);
        if (n.adminWebhook() != null && n.adminWebhook().url() != null) {
            try {
                URI url = URI.create(n.adminWebhook().url());
                if (!url.isAbsolute() || !url.getScheme().startsWith("http")) {
                    throw new IllegalArgumentException("an absolute http(s) URL is needed");
                }
                channels.add(new WebhookAdminChannel(url, http, node));
            } catch (IllegalArgumentException e) {
                problems.add("notifications.adminWebhook.url '" + n.adminWebhook().url() + "': " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new StartupException("ebrelay cannot start:\n  " + String.join("\n  ", problems));
        }
        return channels;
    }

    private static void email(GatewayConfig.Notifications n, String node, Clock clock, List<String> problems,
                              List<AdminChannel> channels) {
        GatewayConfig.AdminEmail mail = n.adminEmail();
        GatewayConfig.Smtp smtp = n.smtp();
        if (mail == null || mail.to() == null || mail.to().isEmpty()) {
            return;
        }
        if (smtp == null || smtp.host() == null || smtp.host().isBlank()) {
            problems.add("notifications.adminEmail.to is set but notifications.smtp.host is not");
            return;
        }
        if (mail.from() == null || mail.from().isBlank()) {
            problems.add("notifications.adminEmail.from is needed to send administrator e-mail");
            return;
        }
        if (smtp.port() <= 0 || smtp.port() > 65535) {
            problems.add("notifications.smtp.port " + smtp.port() + " is not a port number");
            return;
        }
        positive(smtp.timeout(), "notifications.smtp.timeout", problems);
        try {
            channels.add(new SmtpAdminChannel(new SmtpSettings(smtp.host(), smtp.port(), smtp.username(),
                    smtp.password(), smtp.starttls(), smtp.ssl(), smtp.timeout(), mail.from(), mail.to()), node, clock));
        } catch (IllegalArgumentException e) {
            problems.add("notifications.adminEmail: " + e.getMessage());
        }
    }

    private static void positive(Duration d, String key, List<String> problems) {
        if (d == null || d.isZero() || d.isNegative()) {
            problems.add(key + " must be a positive duration (e.g. PT15M)");
        }
    }
}
