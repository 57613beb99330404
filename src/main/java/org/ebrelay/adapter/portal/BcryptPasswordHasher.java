package org.ebrelay.adapter.portal;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import org.ebrelay.app.portal.PasswordHasher;

import java.nio.charset.StandardCharsets;

/**
 * Passwords hashed with bcrypt (version 2b, a random 16-byte salt per hash) by the at.favre.lib bcrypt library.
 * The cost is the log2 of the work: 12 takes a few hundred milliseconds here, which is the point.
 */
public final class BcryptPasswordHasher implements PasswordHasher {
    public static final int DEFAULT_COST = 12;
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;

    private final int cost;
    private final BCrypt.Hasher hasher = BCrypt.with(VERSION, LongPasswordStrategies.strict(VERSION));
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer(VERSION, LongPasswordStrategies.strict(VERSION));

    /** @param cost 4 (tests only) to 31 */
    public BcryptPasswordHasher(int cost) {
        if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be " + BCrypt.MIN_COST + "-" + BCrypt.MAX_COST);
        }
        this.cost = cost;
    }

    @Override
    public String hash(char[] password) {
        return hasher.hashToString(cost, password);
    }

    @Override
    public boolean matches(char[] password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        try {
            return verifyer.verify(password, hash.getBytes(StandardCharsets.US_ASCII)).verified;
        } catch (IllegalArgumentException tooLong) {
            return false;
        }
    }

    @Override
    public boolean isOutdated(String hash) {
        return costOf(hash) < cost;
    }

    /** The cost of a {@code $2x$NN$...} hash without computing anything; 0 when it is not one. */
    static int costOf(String hash) {
        if (hash == null || hash.length() < 7 || hash.charAt(0) != '$' || hash.charAt(3) != '$'
                || hash.charAt(6) != '$') {
            return 0;
        }
        try {
            return Integer.parseInt(hash.substring(4, 6));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
