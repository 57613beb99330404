package org.ebrelay.domain.cpa;

import org.ebrelay.domain.message.CpaId;

/** STUB: the CPA work replaces this file. */
public record Agreement(CpaId cpaId) {
}
