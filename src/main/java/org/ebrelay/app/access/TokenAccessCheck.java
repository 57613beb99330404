package org.ebrelay.app.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ebrelay.app.AccessCheck;

/**
 * API tokens with roles: a request names its token in {@code Authorization: Bearer}; the token is hashed and
 * compared in constant time with every configured hash, and the operation's required role is looked up. An
 * operation this table does not know requires {@link Role#ADMIN}, so a new endpoint is closed until it is listed.
 */
public final class TokenAccessCheck implements AccessCheck {
    private static final Pattern SUBMIT_OPERATIONS = Pattern.compile(
            "POST /messages|POST /inbox/[^/]+/confirm|POST /notices/[^/]+/confirm|soap:SubmitMessage");
    private static final Pattern OPERATOR_OPERATIONS = Pattern.compile(
            "POST /messages/[^/]+/(resend|abandon)|POST /(ping|status-request)");

    private final List<ApiToken> tokens;

    public TokenAccessCheck(List<ApiToken> tokens) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("no tokens: use AccessCheck.PERMIT_ALL for an open API");
        }
        this.tokens = List.copyOf(tokens);
    }

    @Override
    public boolean permits(String bearerToken, String operation) {
        return decide(bearerToken, operation) == Verdict.ALLOWED;
    }

    @Override
    public Verdict decide(String bearerToken, String operation) {
        Optional<ApiToken> token = find(bearerToken);
        if (token.isEmpty()) {
            return Verdict.UNAUTHENTICATED;
        }
        return token.get().role().includes(required(operation)) ? Verdict.ALLOWED : Verdict.FORBIDDEN;
    }

    @Override
    public String caller(String bearerToken) {
        return find(bearerToken).map(t -> "token " + t.name() + " (" + t.role().setting() + ")").orElse(null);
    }

    @Override
    public Role roleOf(String bearerToken) {
        return find(bearerToken).map(ApiToken::role).orElse(null);
    }

    /** The role an operation needs, e.g. {@code GET /messages} needs {@link Role#READ}. */
    public static Role required(String operation) {
        String normalised = operation.endsWith("/") ? operation.substring(0, operation.length() - 1) : operation;
        if (normalised.startsWith("GET ") || normalised.equals("soap:GetMessageStatus")) {
            return Role.READ;
        }
        if (SUBMIT_OPERATIONS.matcher(normalised).matches()) {
            return Role.SUBMIT;
        }
        if (OPERATOR_OPERATIONS.matcher(normalised).matches()) {
            return Role.OPERATOR;
        }
        return Role.ADMIN;
    }

    /** The token's entry; every hash is compared so the time taken does not tell which one matched. */
    private Optional<ApiToken> find(String bearerToken) {
        if (bearerToken == null || bearerToken.isEmpty()) {
            return Optional.empty();
        }
        byte[] hash = sha256(bearerToken);
        ApiToken found = null;
        for (ApiToken token : tokens) {
            if (MessageDigest.isEqual(hash, token.sha256()) && found == null) {
                found = token;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The SHA-256 of a token's UTF-8 bytes: what the configuration keeps. */
    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
