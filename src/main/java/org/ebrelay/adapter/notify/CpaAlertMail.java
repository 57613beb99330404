package org.ebrelay.adapter.notify;

import org.ebrelay.app.cpa.CpaAlerts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * CPA alerts (rejected edits, withdrawals, expiry warnings) to the log and by e-mail to the administrators, on a
 * thread of their own so that a slow SMTP server never holds up a reload. A failed e-mail is logged, not retried:
 * the state stays visible in the CPA view and the log.
 */
public final class CpaAlertMail implements CpaAlerts, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("org.ebrelay.cpa");

    private final List<SmtpAdminChannel> channels;
    private final String node;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ebrelay-cpa-alerts");
        t.setDaemon(true);
        return t;
    });

    public CpaAlertMail(List<SmtpAdminChannel> channels, String node) {
        this.channels = List.copyOf(channels);
        this.node = node;
    }

    @Override
    public void send(CpaAlert alert) {
        log.warn("{}: {}", alert.subject(), alert.body().strip());
        if (channels.isEmpty()) {
            return;
        }
        try {
            sender.execute(() -> mail(alert));
        } catch (RejectedExecutionException e) {
            log.debug("stopping: CPA alert not mailed: {}", alert.subject());
        }
    }

    private void mail(CpaAlert alert) {
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
