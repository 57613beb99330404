package org.ebrelay.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.ebrelay.app.AccessCheck.Verdict;
import org.junit.jupiter.api.Test;

class TokenAccessCheckTest {
    private static ApiToken token(String name, String secret, String role) {
        return ApiToken.of(name, HexFormat.of().formatHex(TokenAccessCheck.sha256(secret)), role);
    }

    private final TokenAccessCheck check = new TokenAccessCheck(List.of(token("dashboard", "r-secret", "read"),
            token("his", "s-secret", "submit"), token("ops", "o-secret", "operator"), token("root", "a-secret", "admin")));

    @Test
    void aRequestWithoutATokenOrWithAnUnknownOneIsUnauthenticated() {
        assertThat(check.decide(null, "GET /messages")).isEqualTo(Verdict.UNAUTHENTICATED);
        assertThat(check.decide("guess", "GET /messages")).isEqualTo(Verdict.UNAUTHENTICATED);
        assertThat(check.decide("R-SECRET", "GET /messages")).isEqualTo(Verdict.UNAUTHENTICATED);
    }

    @Test
    void aReaderReadsButNeitherSubmitsNorResends() {
        assertThat(check.decide("r-secret", "GET /messages")).isEqualTo(Verdict.ALLOWED);
        assertThat(check.decide("r-secret", "GET /inbox/42")).isEqualTo(Verdict.ALLOWED);
        assertThat(check.decide("r-secret", "soap:GetMessageStatus")).isEqualTo(Verdict.ALLOWED);
        assertThat(check.decide("r-secret", "POST /messages")).isEqualTo(Verdict.FORBIDDEN);
        assertThat(check.decide("r-secret", "soap:SubmitMessage")).isEqualTo(Verdict.FORBIDDEN);
    }

    @Test
    void anApplicationSubmitsAndConfirmsItsInboxButDoesNotResendOrAbandon() {
        assertThat(check.decide("s-secret", "POST /messages")).isEqualTo(Verdict.ALLOWED);
        assertThat(check.decide("s-secret", "soap:SubmitMessage")).isEqualTo(Verdict.ALLOWED);
        assertThat(check.decide("s-secret", "POST /inbox/7/confirm")).isEqualTo(Verdict.ALLOWED);
        assertThat(check.decide("s-secret", "POST /notices/7/confirm")).isEqualTo(Verdict.ALLOWED);
        assertThat(check.decide("s-secret", "POST /messages/abc/resend")).isEqualTo(Verdict.FORBIDDEN);
        assertThat(check.decide("s-secret", "POST /ping")).isEqualTo(Verdict.FORBIDDEN);
    }

    @Test
    void anOperatorResendsAbandonsAndPingsButAnOperationNobodyListedNeedsAnAdmin() {
        assertThat(check.decide("o-secret", "POST /messages/abc/resend")).isEqualTo(Verdict.ALLOWED);
        assertThat(check.decide("o-secret", "POST /messages/abc/abandon")).isEqualTo(Verdict.ALLOWED);
        assertThat(check.decide("o-secret", "POST /status-request")).isEqualTo(Verdict.ALLOWED);
        assertThat(check.decide("o-secret", "DELETE /cpas/x")).isEqualTo(Verdict.FORBIDDEN);
        assertThat(check.decide("a-secret", "DELETE /cpas/x")).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void aTokenIsConfiguredOnlyAsItsHashWithAKnownRole() {
        assertThatThrownBy(() -> ApiToken.of("x", "abc", "read")).hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> ApiToken.of("x", "00".repeat(32), "god")).hasMessageContaining("read, submit");
        assertThatThrownBy(() -> ApiToken.of(" ", "00".repeat(32), "read")).hasMessageContaining("name");
    }
}
