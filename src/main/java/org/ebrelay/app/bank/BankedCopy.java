package org.ebrelay.app.bank;

/**
 * The bank's copy of a message whose owning node is gone: what another node with the same CPA needs to send it
 * again as a new message of its own (it has no row for it).
 *
 * @param hl7Id           the HL7 id as banked (kept, so the receiver's HL7 duplicate protection applies)
 * @param wireContentType the banked wire's MIME type
 * @param wire            the wire bytes as last sent by the owner (heading and payloads are read from them)
 */
public record BankedCopy(String hl7Id, String wireContentType, byte[] wire) {
}
