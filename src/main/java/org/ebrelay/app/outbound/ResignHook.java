package org.ebrelay.app.outbound;

import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.EbmsMessage;

/**
 * Signs a message again after MessageId regeneration changed its header (the old signature covers the old id). The
 * seam for signing (issue 6); until then {@link #NONE} sends the re-encoded message as it is.
 */
@FunctionalInterface
public interface ResignHook {
    ResignHook NONE = (message, encoded) -> encoded;

    /** The package to send for {@code message}, given its unsigned encoding {@code encoded}. */
    WireMessage resign(EbmsMessage message, WireMessage encoded);
}
