package org.ebrelay.app.port.out;

/** The stable id of one delivery to the application's inbox: the application confirms it, and may use it to be exactly-once. */
public record DeliveryId(String value) {
    public DeliveryId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("DeliveryId must not be blank");
        }
    }

    public static DeliveryId of(String value) {
        return new DeliveryId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
