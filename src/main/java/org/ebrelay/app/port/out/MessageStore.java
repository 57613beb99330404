package org.ebrelay.app.port.out;

/**
 * Everything the gateway keeps about messages, in one durable store. Use cases depend on the narrower interfaces;
 * wiring passes one implementation for all of them.
 *
 * <p>Failures of the store itself (database unreachable, disk full) surface as {@link StoreFailure}.
 */
public interface MessageStore extends OutboundMessages, ReceivedMessages, DeliveryInbox, MessageHistory, EventLog {
}
