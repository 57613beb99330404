package org.ebrelay.adapter.rest;

import java.util.List;

/** The JSON of {@code POST /api/messages}. */
final class SubmissionBodies {
    private SubmissionBodies() {
    }

    /** The JSON form of a submission; parties in the PartyIds text form, payload content base64. */
    record SubmitRequest(String cpaId, ServiceJson service, String action, String from, String to,
                         List<PayloadJson> payloads, String hl7MessageId, String conversationId) {
    }

    record ServiceJson(String type, String value) {
    }

    record PayloadJson(String contentType, byte[] content) {
    }

    /** 202: stored durably and queued. */
    record Accepted(String messageId, String hl7MessageId, String state) {
    }
}
