package org.ebrelay.adapter.notify;

import org.ebrelay.app.JsonText;
import org.ebrelay.app.cpa.CpaAlerts;
import org.ebrelay.app.port.out.ApplicationWebhook;
import org.ebrelay.app.port.out.WebhookResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * CPA alerts (rejected edits, withdrawals, expiry warnings) to the log, by e-mail to the administrators and as JSON
 * ({@code type: "cpaAlert"}) to the administrators' webhook, on a thread of their own so that a slow SMTP server
 * never holds up a reload. A failed delivery is logged, not retried: the state stays visible in the CPA view and
 * the log.
 */
public final class CpaAlertSender implements CpaAlerts, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("org.ebrelay.cpa");

    private final List<SmtpAdminChannel> channels;
    private final URI webhook;
    private final ApplicationWebhook http;
    private final String node;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ebrelay-cpa-alerts");
        t.setDaemon(true);
        return t;
    });

    /** @param webhook the administrators' webhook, or null */
    public CpaAlertSender(List<SmtpAdminChannel> channels, URI webhook, ApplicationWebhook http, String node) {
        this.channels = List.copyOf(channels);
        this.webhook = webhook;
        this.http = http;
        this.node = node;
    }

    @Override
    public void send(CpaAlert alert) {
        log.warn("{}: {}", alert.subject(), alert.body().strip());
        if (channels.isEmpty() && webhook == null) {
            return;
        }
        try {
            sender.execute(() -> mail(alert));
        } catch (RejectedExecutionException e) {
            log.debug("stopping: CPA alert not mailed: {}", alert.subject());
        }
    }

    private void mail(CpaAlert alert) {
        if (webhook != null) {
            WebhookResult result = http.post(webhook, new JsonText().field("type", "cpaAlert")
                    .field("kind", alert.kind()).field("node", node).field("subject", alert.subject())
                    .field("body", alert.body()).bytes());
            if (!result.accepted()) {
                log.warn("the CPA alert '{}' could not be posted to {}: {}", alert.subject(), webhook,
                        result.describe());
            }
        }
        for (SmtpAdminChannel channel : channels) {
            try {
                channel.sendText("[ebrelay " + node + "] " + alert.subject(), alert.body()
                        + "\n-- \nebrelay node " + node + "\n", "CPA_" + alert.kind());
            } catch (RuntimeException e) {
                log.warn("the CPA alert '{}' could not be sent by {}: {}", alert.subject(), channel.describe(),
                        e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        sender.shutdown();
    }
}
