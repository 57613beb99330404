package org.ebrelay.adapter.rest;

import org.ebrelay.app.port.in.DeliveryView;
import org.ebrelay.app.port.in.DiagnosePartner;
import org.ebrelay.app.port.in.Inbox;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.QueryMessages;
import org.ebrelay.app.port.in.Submission;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.app.port.in.SubmitMessage;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.PartyId;

import org.ebrelay.domain.reliability.InboundState;
import org.ebrelay.domain.reliability.OutboundState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * In-memory stand-ins for the use cases, for the API adapter tests: scripted answers, and a record of what the
 * adapters asked. Refuses submissions under the CPA id {@value #REFUSING_CPA}.
 */
public final class FakeNodePorts implements SubmitMessage, QueryMessages, Inbox, DiagnosePartner {
    public static final String REFUSING_CPA = "cpa-nobody-agreed";
    public static final Instant T0 = Instant.parse("2026-11-20T10:15:30Z");

    public final List<Submission> submissions = new CopyOnWriteArrayList<>();
    public final Map<String, List<MessageView>> messagesById = new LinkedHashMap<>();
    public final Map<String, DeliveryView> deliveries = new LinkedHashMap<>();
    public final List<String> inboxQueries = new CopyOnWriteArrayList<>();
    public final List<String> diagnoses = new CopyOnWriteArrayList<>();
    public volatile String lastStateQuery;
    public volatile int lastLimit;

    @Override
    public SubmissionResult submit(Submission submission) {
        submissions.add(submission);
        if (submission.cpaId().value().equals(REFUSING_CPA)) {
            return new SubmissionResult.Refused("UnknownCpa", "no CPA has the id " + REFUSING_CPA);
        }
        String hl7 = submission.hl7MessageId() == null ? "HL7-" + submissions.size() : submission.hl7MessageId();
        return new SubmissionResult.Accepted("msg-" + submissions.size() + "@ebrelay.test", hl7, "QUEUED");
    }

    @Override
    public List<MessageView> find(String messageIdOrHl7Id) {
        return messagesById.getOrDefault(messageIdOrHl7Id, List.of());
    }

    @Override
    public List<MessageView> byState(String state, int limit) {
        lastStateQuery = state;
        lastLimit = limit;
        if (OutboundState.fromCode(state).isEmpty() && InboundState.fromCode(state).isEmpty()) {
            throw new IllegalArgumentException("unknown state '" + state + "'");
        }
        return messagesById.values().stream().flatMap(List::stream).filter(m -> m.state().equals(state))
                .distinct().limit(limit).toList();
    }

    @Override
    public List<DeliveryView> list(String party, boolean includeConfirmed) {
        inboxQueries.add(party + "|" + includeConfirmed);
        List<DeliveryView> result = new ArrayList<>();
        for (DeliveryView d : deliveries.values()) {
            if ((includeConfirmed || !d.confirmed()) && (party == null || party.equals(d.to()))) {
                result.add(withoutContent(d));
            }
        }
        return result;
    }

    @Override
    public DeliveryView get(String deliveryId) {
        return deliveries.get(deliveryId);
    }

    @Override
    public ConfirmResult confirm(String deliveryId) {
        DeliveryView d = deliveries.get(deliveryId);
        if (d == null) {
            return ConfirmResult.NOT_FOUND;
        }
        if (d.confirmed()) {
            return ConfirmResult.ALREADY_CONFIRMED;
        }
        deliveries.put(deliveryId, new DeliveryView(d.deliveryId(), d.messageId(), d.hl7MessageId(), d.cpaId(),
                d.from(), d.to(), d.service(), d.action(), d.receivedAt(), true, d.payloads()));
        return ConfirmResult.CONFIRMED;
    }

    @Override
    public PingResult ping(CpaId cpaId, PartyId from, PartyId to) {
        diagnoses.add("ping " + cpaId + " " + from + " " + to);
        if (to.value().equals("SILENT")) {
            return new PingResult(false, "ping-1@ebrelay.test", null, null, "no Pong within 30 s");
        }
        return new PingResult(true, "ping-1@ebrelay.test", "pong-1@partner.test", Duration.ofMillis(42), null);
    }

    @Override
    public StatusResult requestStatus(CpaId cpaId, PartyId from, PartyId to, String messageId) {
        diagnoses.add("status " + cpaId + " " + from + " " + to + " " + messageId);
        if (messageId.startsWith("unknown")) {
            return new StatusResult("NotRecognized", null, null);
        }
        return new StatusResult("Received", T0, null);
    }

    /** An outbound message with two ebXML ids and two events. */
    public static MessageView outbound(String messageId, String hl7Id, String state) {
        return new MessageView(messageId, List.of("first-" + messageId, messageId), hl7Id, "OUTBOUND", state, 3,
                "cpa-hl7", "conv-1", "urn:oid:1.2.3:HOSPITAL", "urn:oid:1.2.3:LAB", "urn:hl7:v2", "ORU_R01", T0,
                List.of(new MessageView.Event(T0, "SUBMITTED", null),
                        new MessageView.Event(T0.plusSeconds(5), "RETRY", "connection refused")));
    }

    /** A delivery for {@code urn:oid:1.2.3:LAB} with one HL7 v2 payload. */
    public static DeliveryView delivery(String deliveryId, boolean confirmed) {
        byte[] content = "MSH|^~\\&|LAB\r".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return new DeliveryView(deliveryId, "in-" + deliveryId + "@partner.test", "HL7-" + deliveryId, "cpa-hl7",
                "urn:oid:1.2.3:HOSPITAL", "urn:oid:1.2.3:LAB", "urn:hl7:v2", "ORU_R01", T0, confirmed,
                List.of(new DeliveryView.PayloadView("payload-1", "application/hl7-v2", content.length, content)));
    }

    private static DeliveryView withoutContent(DeliveryView d) {
        return new DeliveryView(d.deliveryId(), d.messageId(), d.hl7MessageId(), d.cpaId(), d.from(), d.to(),
                d.service(), d.action(), d.receivedAt(), d.confirmed(), d.payloads().stream()
                .map(p -> new DeliveryView.PayloadView(p.contentId(), p.contentType(), p.size(), null)).toList());
    }
}
