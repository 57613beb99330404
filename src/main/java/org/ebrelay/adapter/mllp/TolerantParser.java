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
        String[] fields = mshFields(text);
        for (int field : COPIED) {
            if (field < fields.length && !fields[field].isBlank()) {
                msh.set("/MSH-" + field, fields[field].split("\\^", -1)[0]);
            }
        }
        if (fields.length <= 12 || fields[12].isBlank()) {
            msh.set("/MSH-12", "2.5.1");
        }
        return message;
    }

    /** The first segment's fields when it is an MSH, indexed by field number (MSH-1 is the separator itself). */
    private static String[] mshFields(String text) {
        String first = text.strip().split("[\r\n]", 2)[0];
        if (!first.startsWith("MSH") || first.length() < 4) {
            return new String[0];
        }
        String separator = first.substring(3, 4);
        String[] parts = first.split(java.util.regex.Pattern.quote(separator), -1);
        String[] fields = new String[parts.length + 1];
        fields[0] = "MSH";
        fields[1] = separator;
        System.arraycopy(parts, 1, fields, 2, parts.length - 1);
        fields[parts.length] = "";
        return fields;
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
