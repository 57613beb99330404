package org.ebrelay.app;

import org.ebrelay.domain.message.PartyId;

/**
 * The text form of a PartyId used on the command line, in the REST API, the SOAP API and the configuration.
 * <ul>
 *   <li>{@code TYPE:VALUE} is split at the <em>last</em> colon: {@code urn:oid:1.2.3:LAB} is type
 *       {@code urn:oid:1.2.3}, value {@code LAB}.</li>
 *   <li>An untyped PartyId is written with a leading colon and an empty type: {@code :urn:oid:1.2.3.4} is the
 *       untyped value {@code urn:oid:1.2.3.4} (everything after the first colon, colons included).</li>
 * </ul>
 * A typed PartyId whose value itself contains a colon has no text form (it would split elsewhere).
 */
public final class PartyIds {
    private PartyIds() {
    }

    /**
     * Reads the text form.
     *
     * @throws IllegalArgumentException with a sentence for a person when the text is not a PartyId
     */
    public static PartyId parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a PartyId is required (TYPE:VALUE, or :VALUE when untyped)");
        }
        String trimmed = text.strip();
        if (trimmed.startsWith(":")) {
            String value = trimmed.substring(1);
            if (value.isBlank()) {
                throw new IllegalArgumentException("PartyId '" + text + "' has no value");
            }
            return PartyId.untyped(value);
        }
        int colon = trimmed.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("PartyId '" + text
                    + "' has no type: write TYPE:VALUE, or :VALUE for an untyped PartyId");
        }
        String type = trimmed.substring(0, colon);
        String value = trimmed.substring(colon + 1);
        if (value.isBlank()) {
            throw new IllegalArgumentException("PartyId '" + text + "' has no value after the last colon");
        }
        return PartyId.of(type, value);
    }

    /** Like {@link #parse} but null or blank text gives null (for optional parties). */
    public static PartyId parseOptional(String text) {
        return text == null || text.isBlank() ? null : parse(text);
    }

    /** The text form: {@code TYPE:VALUE}, or {@code :VALUE} when untyped. */
    public static String format(PartyId partyId) {
        return partyId.isTyped() ? partyId.type() + ":" + partyId.value() : ":" + partyId.value();
    }

    /** True when {@link #parse} gives back this PartyId from {@link #format}'s text (no colon in a typed value). */
    public static boolean hasTextForm(PartyId partyId) {
        return !partyId.isTyped() || partyId.value().indexOf(':') < 0;
    }
}
