package org.ebrelay.domain.cpa;

/** STUB: the CPA work replaces this file. */
public record Agreement(String cpaId) {
}
