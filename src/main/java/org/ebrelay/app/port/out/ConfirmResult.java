package org.ebrelay.app.port.out;

/** The answer to confirming a delivery. Confirming twice is not an error. */
public enum ConfirmResult {
    CONFIRMED,
    ALREADY_CONFIRMED,
    UNKNOWN_DELIVERY
}
