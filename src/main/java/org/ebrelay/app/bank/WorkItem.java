package org.ebrelay.app.bank;

/**
 * Work the bank hands a node: resend one outbound message.
 *
 * @param kind           RESEND
 * @param owner          the node that owns the message (this node, or a gone one)
 * @param key            the owner's internal id of the message
 * @param ebxmlMessageId its current ebXML MessageId as banked
 * @param origin         OPERATOR or AUTOMATIC (an automatic resend acts only from MANUAL: slow retry never
 *                       competes with it)
 * @param operator       who asked (automatic: the rule's name)
 * @param copy           null when the node is the owner; else the bank's copy of the gone owner's message
 */
public record WorkItem(long requestId, String kind, String owner, String key, String ebxmlMessageId, String origin,
                       String reason, String operator, BankedCopy copy) {
    public static final String RESEND = "RESEND";
    public static final String AUTOMATIC = "AUTOMATIC";
    public static final String OPERATOR = "OPERATOR";

    public boolean automatic() {
        return AUTOMATIC.equals(origin);
    }
}
