package org.ebrelay.adapter.mllp;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.GenericMessage;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.GenericParser;
import ca.uhn.hl7v2.util.Terser;

/**
 * The MLLP server's parser: a message HAPI cannot parse comes back as an {@link Unparseable} carrying the reason and
 * what could be read of its MSH, so our receiving application answers it. (HAPI's own answer to a parse failure
 * builds its ACK with a default context that writes {@code ./id_file}.)
 */
final class TolerantParser extends GenericParser {
    /** The MSH fields copied into an unparseable message's MSH, so its ACK names the message (MSA-2). */
    private static final int[] COPIED = {3, 4, 5, 6, 10, 11, 12};

    TolerantParser(HapiContext context) {
        super(context);
    }

    /** ER7 for anything that does not look like XML, so an error ACK can always be written back. */
    @Override
    public String getEncoding(String message) {
        String encoding = super.getEncoding(message);
        return encoding != null ? encoding : "VB";
    }

    @Override
    public Message parse(String message) throws HL7Exception {
        try {
            return super.parse(message);
        } catch (HL7Exception | RuntimeException e) {
            return unparseable(message, e);
        }
    }

    private Unparseable unparseable(String text, Exception reason) throws HL7Exception {
        Unparseable message = new Unparseable(this, reason.getMessage());
        message.setParser(this);
        Terser msh = new Terser(message);
        msh.set("/MSH-1", "|");
        msh.set("/MSH-2", "^~\\&");
        String[] fields = Er7Segments.fields(text, "MSH");
        for (int field : COPIED) {
            String value = Er7Segments.first(fields, field, '^');
            if (value != null) {
                msh.set("/MSH-" + field, value);
            }
        }
        if (Er7Segments.first(fields, 12, '^') == null) {
            msh.set("/MSH-12", "2.5.1");
        }
        return message;
    }

    /** A message that did not parse: only its MSH as far as it could be read, and why. */
    static final class Unparseable extends GenericMessage.V251 {
        private final String reason;

        Unparseable(GenericParser parser, String reason) {
            super(parser.getFactory());
            this.reason = reason == null ? "not a parseable HL7 v2 message" : reason;
        }

        String reason() {
            return reason;
        }
    }
}
