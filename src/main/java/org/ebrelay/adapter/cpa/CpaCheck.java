package org.ebrelay.adapter.cpa;

/** One group of semantic checks on a schema-valid CPA; every problem it finds goes to {@code findings}. */
interface CpaCheck {
    void check(CpaDocument document, Findings findings);
}
