package org.ebrelay.e2e;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.ebrelay.e2e.FaultProxy.Body;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Signed acknowledgments posted on their own (no SyncReply): forged ones are refused with ACK_REFUSED. */
class SignedAsyncAcknowledgmentTest extends SignedAcknowledgmentChecks {
    @TempDir
    static Path root;
    static TwoNodes nodes;
    /** In front of the hospital: the laboratory posts its Acknowledgments through it. */
    static FaultProxy toHospital;

    @BeforeAll
    static void startNodes() throws Exception {
        int hospitalPort = TestNode.freePort();
        toHospital = FaultProxy.to(hospitalPort);
        TwoNodes.Settings pair = signedPair(root);
        UnaryOperator<DemoCpa> signed = pair.cpaChange();
        nodes = pair.hospitalPort(hospitalPort).labReachesHospitalAt(toHospital.port())
                .cpa(cpa -> signed.apply(cpa).asynchronousAcks()).start();
    }

    @AfterAll
    static void stopNodes() {
        if (nodes != null) {
            nodes.close();
        }
        if (toHospital != null) {
            toHospital.close();
        }
    }

    @Override
    TwoNodes nodes() {
        return nodes;
    }

    @Override
    void forgeAcks(UnaryOperator<Body> forgery) {
        toHospital.rewriteRequests(forgery);
    }

    @Override
    String refusalEvent() {
        return "ACK_REFUSED";
    }
}
