package org.ebrelay.app.bank;

import java.util.List;

/**
 * Tells the bank the node's CPAs when they change: an activation, a rejected edit, a warning, a withdrawal or an
 * override (the whole set each time, so the bank sees a CPA the node no longer serves as withdrawn). A cheap
 * fingerprint decides whether anything changed; the reports are built only then. After the bank was out of reach
 * (or restarted), the set is sent again.
 */
public final class CpaShipping {
    /** The node's CPAs. */
    public interface Source {
        /** Changes whenever anything a report shows changes. */
        String fingerprint();

        List<CpaReport> reports();
    }

    private final Source source;
    private String shipped;

    public CpaShipping(Source source) {
        this.source = source;
    }

    /** Sends the set when it changed since the last one the bank took; a failure leaves it due. */
    synchronized void shipIfChanged(BankChannel channel, String node) {
        String now = source.fingerprint();
        if (now.equals(shipped)) {
            return;
        }
        channel.cpas(node, source.reports());
        shipped = now;
    }

    /** The bank may have lost what it was told: tell it again. */
    synchronized void forget() {
        shipped = null;
    }
}
