package org.ebrelay.app.hl7;

import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;

import java.util.Objects;

/**
 * One line of the MLLP routing table: which HL7 v2 messages (every non-null matcher must equal the message's
 * field; {@code *} or null matches anything) go to which partner, under which CPA, service and action.
 *
 * @param name    names the route in logs and acknowledgments
 * @param from    our sending party, or null when the node acts for exactly one party of the CPA
 * @param service the service, or null when the CPA has exactly one service offering the action
 * @param feed    the ConversationId every message of the route goes under (an ordered feed: its CPA channel numbers
 *                them with eb:MessageOrder and the partner delivers them in order), or null: a new one each
 * @param returnTo the local destination (an mllp.destinations name) the partner's HL7 answers to these messages go
 *                 back to, or null when answers take the ordinary delivery
 */
public record Hl7Route(String name, Matcher match, CpaId cpaId, PartyId from, PartyId to, Service service,
                       String action, ConversationId feed, String returnTo) {
    public Hl7Route {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(cpaId, "cpaId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(action, "action");
    }

    /** A route whose messages each start a conversation of their own. */
    public Hl7Route(String name, Matcher match, CpaId cpaId, PartyId from, PartyId to, Service service,
                    String action) {
        this(name, match, cpaId, from, to, service, action, null, null);
    }

    /** MSH-3/4 sending application/facility, MSH-5/6 receiving application/facility, MSH-9.1 type, MSH-9.2 trigger. */
    public record Matcher(String sendingApplication, String sendingFacility, String receivingApplication,
                          String receivingFacility, String messageType, String triggerEvent) {
        public static final Matcher ANY = new Matcher(null, null, null, null, null, null);

        public boolean matches(Hl7Fields fields) {
            return same(sendingApplication, fields.sendingApplication())
                    && same(sendingFacility, fields.sendingFacility())
                    && same(receivingApplication, fields.receivingApplication())
                    && same(receivingFacility, fields.receivingFacility())
                    && same(messageType, fields.messageType())
                    && same(triggerEvent, fields.triggerEvent());
        }

        private static boolean same(String wanted, String actual) {
            return wanted == null || wanted.equals("*") || wanted.equals(actual);
        }
    }
}
