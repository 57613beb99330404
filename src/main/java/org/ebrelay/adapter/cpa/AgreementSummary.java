package org.ebrelay.adapter.cpa;

import org.ebrelay.domain.cpa.Agreement;

/** The readable summary `ebrelay cpa show` prints. STUB: the CPA work replaces this file. */
public final class AgreementSummary {
    private AgreementSummary() {
    }

    public static String describe(Agreement agreement) {
        throw new UnsupportedOperationException("not yet");
    }
}
