package org.ebrelay.app.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.app.ServiceFixtures.CODEC;
import static org.ebrelay.app.ServiceFixtures.HOSPITAL;
import static org.ebrelay.app.ServiceFixtures.LAB;
import static org.ebrelay.app.ServiceFixtures.T0;

import java.util.ArrayList;
import java.util.List;
import org.ebrelay.app.ServiceFixtures;
import org.ebrelay.app.port.in.Submission;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.EbmsMessage;
import org.junit.jupiter.api.Test;

class BankResubmissionTest {
    final EbmsMessage banked = ServiceFixtures.userMessage("m1", HOSPITAL, LAB, "Order", T0,
            ServiceFixtures.hl7("p1", "H1"));
    final WireMessage wire = CODEC.encode(banked);
    final List<Submission> submitted = new ArrayList<>();

    @Test
    void submitsTheBankedPayloadsAsANewMessageUnderTheSameHeadingAndHl7Id() {
        BankResubmission resubmission = new BankResubmission("node-b", CODEC, s -> {
            submitted.add(s);
            return new SubmissionResult.Accepted("m2", s.hl7MessageId(), "QUEUED");
        });

        WorkOutcome outcome = resubmission.carryOut(item());

        assertThat(outcome.done()).isTrue();
        assertThat(outcome.detail()).contains("node-b", "m2");
        assertThat(submitted).singleElement().satisfies(s -> {
            assertThat(s.cpaId()).isEqualTo(banked.header().cpaId());
            assertThat(s.service()).isEqualTo(banked.header().service());
            assertThat(s.action()).isEqualTo("Order");
            assertThat(s.from()).isEqualTo(HOSPITAL);
            assertThat(s.to()).isEqualTo(LAB);
            assertThat(s.conversationId()).isEqualTo(banked.header().conversationId());
            assertThat(s.hl7MessageId()).isEqualTo("H1");
            assertThat(s.payloads()).singleElement().satisfies(p -> assertThat(p.content())
                    .isEqualTo(banked.payloads().get(0).content()));
        });
    }

    @Test
    void declinesWhatAnotherNodeMaySendAndRefusesWhatNoNodeCould() {
        BankResubmission notOurParty = new BankResubmission("node-lab", CODEC,
                s -> new SubmissionResult.Refused("UnknownParty", "not ours"));
        BankResubmission badPayload = new BankResubmission("node-b", CODEC,
                s -> new SubmissionResult.Refused("InvalidPayload", "broken"));

        assertThat(notOurParty.carryOut(item()).declined()).isTrue();
        assertThat(badPayload.carryOut(item()).outcome()).isEqualTo(WorkOutcome.REFUSED);
    }

    private WorkItem item() {
        return new WorkItem(1, WorkItem.RESEND, "node-gone", "k1", "m1", WorkItem.OPERATOR, "owner gone", "alice",
                new BankedCopy("H1", wire.contentType(), wire.body()));
    }
}
