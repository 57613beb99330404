package org.ebrelay.app.portal;

/** One-way password hashing by a well-reviewed implementation (an adapter); never reversible. */
public interface PasswordHasher {
    /** A salted hash in the implementation's self-describing format. */
    String hash(char[] password);

    /** True when the password matches the hash; false for a wrong password or a malformed hash. */
    boolean matches(char[] password, String hash);

    /** True when the hash was made with weaker settings than the current ones (rehash on the next sign-in). */
    boolean isOutdated(String hash);
}
