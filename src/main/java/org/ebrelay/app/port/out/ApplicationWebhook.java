package org.ebrelay.app.port.out;

import java.net.URI;

/** Posts a delivery, as JSON, to the application's webhook URL, once: retrying is the caller's decision. */
public interface ApplicationWebhook {
    /** Never throws for a failed exchange (refused, timed out, an error status): that is the result. */
    WebhookResult post(URI url, byte[] json);
}
