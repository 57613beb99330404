package org.ebrelay.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditedRequestsTest {
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(nullValues = "none", value = {
            "GET, /messages/12/wire, PAYLOAD_VIEWED",
            "GET, /messages/12/payloads/0, PAYLOAD_VIEWED",
            "GET, /messages/12/payloads/0/hl7, PAYLOAD_VIEWED",
            "GET, /messages/12, none",
            "GET, /messages, none",
            "GET, /dashboard, none",
            "POST, /messages/12/resend, RESEND_ORDERED",
            "POST, /resends/search, RESEND_ORDERED",
            "POST, /rules, OPERATOR_ACTION",
            "POST, /session, none",
            "DELETE, /session, none",
            "POST, /users, none",
            "PATCH, /users/ada, none"
    })
    void auditsViewsOfPatientDataAndOperatorActionsButNotWhatIsRecordedElsewhere(String method, String path,
                                                                                  String action) {
        assertThat(AuditedRequests.action(method, path)).isEqualTo(action);
    }
}
