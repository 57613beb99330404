package org.ebrelay.app.hl7;

/**
 * The MSH fields an HL7 v2 message is routed by. Any field may be null when the message leaves it empty.
 *
 * @param sendingApplication   MSH-3 (first component)
 * @param sendingFacility      MSH-4 (first component)
 * @param receivingApplication MSH-5 (first component)
 * @param receivingFacility    MSH-6 (first component)
 * @param messageType          MSH-9.1, e.g. ADT
 * @param triggerEvent         MSH-9.2, e.g. A01
 * @param controlId            MSH-10, the HL7 message id
 */
public record Hl7Fields(String sendingApplication, String sendingFacility, String receivingApplication,
                        String receivingFacility, String messageType, String triggerEvent, String controlId) {
}
