package org.ebrelay.app.port.out;

/**
 * What a payload must be to be accepted, by its kind: XML must be well formed (and declare no DTD); HL7 v2 ER7 must
 * decode in the charset its MSH-18 names, and is labelled with that charset.
 */
public interface PayloadRules {

    /** Accepts any payload as given. */
    PayloadRules NONE = (contentType, content) -> Checked.ok(contentType);

    /** The payload's content type to send it with (the bytes never change), or why it is refused. */
    Checked check(String contentType, byte[] content);

    /**
     * @param contentType the content type to send the payload with (a charset may have been set), when accepted
     * @param problem     why the payload is refused, or null
     */
    record Checked(String contentType, String problem) {
        public static Checked ok(String contentType) {
            return new Checked(contentType, null);
        }

        public static Checked refused(String problem) {
            return new Checked(null, problem);
        }

        public boolean accepted() {
            return problem == null;
        }
    }
}
