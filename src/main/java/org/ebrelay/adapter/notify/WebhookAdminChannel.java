package org.ebrelay.adapter.notify;

import java.net.URI;
import org.ebrelay.app.notify.AdminChannel;
import org.ebrelay.app.notify.AdminNotice;
import org.ebrelay.app.notify.NoticeJson;
import org.ebrelay.app.port.out.ApplicationWebhook;
import org.ebrelay.app.port.out.WebhookResult;

/** Administrator notices as JSON POSTs ({@code type: "adminNotice"}) to a monitoring URL; a 2xx answer takes it. */
public final class WebhookAdminChannel implements AdminChannel {
    private final URI url;
    private final ApplicationWebhook http;
    private final String node;

    public WebhookAdminChannel(URI url, ApplicationWebhook http, String node) {
        this.url = url;
        this.http = http;
        this.node = node;
    }

    @Override
    public void send(AdminNotice notice) {
        WebhookResult result = http.post(url, NoticeJson.of(notice, node));
        if (!result.accepted()) {
            throw new IllegalStateException(result.describe());
        }
    }

    @Override
    public String describe() {
        return "webhook " + url;
    }
}
