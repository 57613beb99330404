package org.ebrelay.app.access;

import java.util.HexFormat;
import java.util.Objects;

/**
 * One application's API token as the node keeps it: a name for logs, the SHA-256 of the token (never the token
 * itself) and its role.
 */
public record ApiToken(String name, byte[] sha256, Role role) {
    public ApiToken {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        if (sha256 == null || sha256.length != 32) {
            throw new IllegalArgumentException("token '" + name + "': sha256 must be 64 hex digits");
        }
        sha256 = sha256.clone();
    }

    /** From the configuration's form: the hash as 64 hex digits, the role by name. */
    public static ApiToken of(String name, String sha256Hex, String role) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("every token needs a name");
        }
        byte[] hash;
        try {
            hash = HexFormat.of().parseHex(sha256Hex == null ? "" : sha256Hex.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("token '" + name + "': sha256 must be 64 hex digits");
        }
        return new ApiToken(name, hash, Role.fromSetting(role));
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }
}
