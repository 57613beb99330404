package org.ebrelay.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebrelay.app.access.AuditedOperations.Audited;
import org.junit.jupiter.api.Test;

class AuditedOperationsTest {
    @Test
    void resend_and_abandon_are_audited_with_their_message_whoever_asks() {
        assertThat(AuditedOperations.of("POST /messages/m1@a/resend", Role.SUBMIT))
                .contains(new Audited("RESEND", "m1@a"));
        assertThat(AuditedOperations.of("POST /messages/m1@a/abandon", null))
                .contains(new Audited("ABANDON", "m1@a"));
    }

    @Test
    void cpa_changes_are_audited_with_their_cpa() {
        assertThat(AuditedOperations.of("POST /cpas/reload", Role.ADMIN)).contains(new Audited("CPA_RELOAD", null));
        assertThat(AuditedOperations.of("POST /cpas/cpa-1/withdraw", Role.ADMIN))
                .contains(new Audited("CPA_WITHDRAW", "cpa-1"));
        assertThat(AuditedOperations.of("DELETE /cpas/cpa-1", Role.ADMIN)).contains(new Audited("CPA_DELETE", "cpa-1"));
    }

    @Test
    void a_payload_view_is_audited_for_people_not_for_applications_or_an_open_api() {
        assertThat(AuditedOperations.of("GET /inbox/d1", Role.READ)).contains(new Audited("PAYLOAD_VIEWED", "d1"));
        assertThat(AuditedOperations.of("GET /inbox/d1", Role.OPERATOR)).isPresent();
        assertThat(AuditedOperations.of("GET /inbox/d1", Role.SUBMIT)).isEmpty();
        assertThat(AuditedOperations.of("GET /inbox/d1", null)).isEmpty();
    }

    @Test
    void reads_submissions_and_confirmations_are_not_audited() {
        assertThat(AuditedOperations.of("GET /messages/m1", Role.ADMIN)).isEmpty();
        assertThat(AuditedOperations.of("POST /messages", Role.SUBMIT)).isEmpty();
        assertThat(AuditedOperations.of("POST /inbox/d1/confirm", Role.SUBMIT)).isEmpty();
    }

    @Test
    void an_admin_operation_not_listed_is_audited_under_its_own_name() {
        assertThat(AuditedOperations.of("POST /ping", Role.OPERATOR)).contains(new Audited("POST /ping", null));
    }
}
