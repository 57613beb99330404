package org.ebrelay.domain.message;

/** A human-readable eb:Description with its required xml:lang. */
public record Description(String lang, String text) {
    public Description {
        lang = lang == null || lang.isBlank() ? "en" : lang;
        text = text == null ? "" : text;
    }

    public static Description en(String text) {
        return new Description("en", text);
    }
}
