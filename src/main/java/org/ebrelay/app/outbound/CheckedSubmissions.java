package org.ebrelay.app.outbound;

import org.ebrelay.app.port.in.Submission;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.app.port.in.SubmitMessage;
import org.ebrelay.app.port.out.PayloadRules;

import java.util.ArrayList;
import java.util.List;

/**
 * Submission with the payload rules applied first, for every entry point (REST, SOAP, MLLP, the bank's resends):
 * a payload that breaks them is refused as {@code InvalidPayload}, naming it, and nothing is stored; one that keeps
 * them goes on with its bytes unchanged, under the content type the rules give it (an ER7 charset, say).
 */
public final class CheckedSubmissions implements SubmitMessage {
    private final PayloadRules rules;
    private final SubmitMessage next;

    public CheckedSubmissions(PayloadRules rules, SubmitMessage next) {
        this.rules = rules;
        this.next = next;
    }

    @Override
    public SubmissionResult submit(Submission submission) {
        List<Submission.Payload> checked = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < submission.payloads().size(); i++) {
            Submission.Payload payload = submission.payloads().get(i);
            byte[] content = payload.content();
            PayloadRules.Checked result = rules.check(payload.contentType(), content);
            if (!result.accepted()) {
                return new SubmissionResult.Refused("InvalidPayload", "payload " + (i + 1) + " ("
                        + payload.contentType() + "): " + result.problem());
            }
            changed |= !java.util.Objects.equals(result.contentType(), payload.contentType());
            checked.add(new Submission.Payload(result.contentType(), content));
        }
        if (!changed) {
            return next.submit(submission);
        }
        return next.submit(new Submission(submission.cpaId(), submission.service(), submission.action(),
                submission.from(), submission.to(), checked, submission.hl7MessageId(), submission.conversationId(),
                submission.refToMessageId()));
    }
}
