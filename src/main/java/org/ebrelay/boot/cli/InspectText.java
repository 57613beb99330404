package org.ebrelay.boot.cli;

import org.ebrelay.boot.cli.InspectReport.ErrorView;
import org.ebrelay.boot.cli.InspectReport.PartyView;
import org.ebrelay.boot.cli.InspectReport.PayloadView;

import java.util.List;
import java.util.stream.Collectors;

/** The human-readable form of an {@link InspectReport}: a block of labelled lines, problems last. */
public final class InspectText {
    private static final String NONE = "-";

    private final StringBuilder out = new StringBuilder();

    private InspectText() {
    }

    public static String render(InspectReport report) {
        InspectText text = new InspectText();
        if (InspectReport.SOAP_FAULT.equals(report.kind())) {
            text.fault(report);
        } else if (report.kind() != null) {
            text.message(report);
        } else {
            text.line("Kind", "unreadable (not an ebXML message)");
        }
        text.errors("Problems", report.problems());
        text.line("Result", result(report));
        return text.out.toString();
    }

    private void message(InspectReport r) {
        line("Kind", r.kind());
        line("CPAId", r.cpaId());
        line("ConversationId", r.conversationId());
        line("MessageId", r.messageId());
        line("RefToMessageId", r.refToMessageId());
        line("Timestamp", r.timestamp());
        line("TimeToLive", r.timeToLive());
        line("From", party(r.from()));
        line("To", party(r.to()));
        line("Service", typed(r.service().type(), r.service().value()));
        line("Action", r.action());
        line("AckRequested", r.ackRequested() == null ? "no" : "yes, " + (r.ackRequested().signed() ? "signed" : "unsigned")
                + ", actor " + r.ackRequested().actor());
        line("DuplicateElimination", yesNo(r.duplicateElimination()));
        line("SyncReply", yesNo(r.syncReply()));
        line("Signed", yesNo(r.signed()));
        if (r.messageOrder() != null) {
            line("MessageOrder", r.messageOrder().sequenceNumber() + " (" + r.messageOrder().status() + ")");
        }
        if (r.acknowledgment() != null) {
            InspectReport.AcknowledgmentView ack = r.acknowledgment();
            line("Acknowledges", ack.refToMessageId() + ", received " + ack.timestamp()
                    + (ack.from() == null ? "" : ", by " + party(ack.from()))
                    + (ack.references().isEmpty() ? "" : ", " + ack.references().size() + " signature reference(s)"));
        }
        if (r.statusRequest() != null) {
            line("Status of", r.statusRequest().refToMessageId());
        }
        if (r.statusResponse() != null) {
            InspectReport.StatusResponseView status = r.statusResponse();
            line("Status", status.messageStatus() + " for " + status.refToMessageId()
                    + (status.timestamp() == null ? "" : ", received " + status.timestamp()));
        }
        payloads(r.payloads());
        errors("Errors carried", r.errors());
    }

    private void fault(InspectReport r) {
        line("Kind", r.kind() + " (a SOAP Fault, not an ebXML message)");
        line("Fault code", r.faultCode());
        line("Fault string", r.faultString());
        line("Detail", r.faultDetail());
    }

    private void payloads(List<PayloadView> payloads) {
        line("Payloads", payloads.isEmpty() ? "none" : String.valueOf(payloads.size()));
        for (PayloadView p : payloads) {
            out.append("  cid:").append(p.contentId()).append("  ").append(p.contentType()).append("  ")
                    .append(p.size()).append(" bytes  HL7 id: ").append(p.hl7MessageId() == null ? NONE : p.hl7MessageId())
                    .append('\n');
        }
    }

    private void errors(String label, List<ErrorView> errors) {
        line(label, errors.isEmpty() ? "none" : String.valueOf(errors.size()));
        for (ErrorView e : errors) {
            out.append("  ").append(e.line()).append('\n');
        }
    }

    private void line(String label, Object value) {
        String text = value == null || value.toString().isBlank() ? NONE : value.toString();
        out.append(String.format("%-22s%s", label + ":", text)).append('\n');
    }

    private static String party(PartyView party) {
        if (party == null) {
            return NONE;
        }
        String ids = party.partyIds().stream()
                .map(id -> typed(id.type(), id.value()))
                .collect(Collectors.joining(", "));
        return party.role() == null ? ids : ids + "; role " + party.role();
    }

    private static String typed(String type, String value) {
        return type == null ? value : value + " [type " + type + "]";
    }

    private static String yesNo(boolean flag) {
        return flag ? "yes" : "no";
    }

    private static String result(InspectReport r) {
        if (!r.readable()) {
            return "unreadable";
        }
        long errors = r.problems().stream().filter(p -> "Error".equals(p.severity())).count();
        return r.valid() ? (r.problems().isEmpty() ? "valid" : "valid, with warnings") : errors + " error(s)";
    }
}
