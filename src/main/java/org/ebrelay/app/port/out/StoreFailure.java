package org.ebrelay.app.port.out;

/**
 * The store could not do what was asked (database down, disk full, interrupted). The change was rolled back, except
 * when the failure came after the commit (an fsync that failed): callers treat it as "not known to be stored".
 */
public class StoreFailure extends RuntimeException {
    public StoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
