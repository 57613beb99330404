package org.ebrelay.app.bank;

/** How a rule's partner selector matches a banked message's partner (TYPE:VALUE). */
final class Selectors {
    private Selectors() {
    }

    /** Null matches any; TYPE:VALUE (or :VALUE) matches exactly; a bare VALUE matches that value under any type. */
    static boolean partnerMatches(String selector, String partner) {
        if (selector == null) {
            return true;
        }
        if (partner == null) {
            return false;
        }
        if (selector.contains(":")) {
            return selector.equals(partner);
        }
        return partner.substring(partner.lastIndexOf(':') + 1).equals(selector);
    }
}
