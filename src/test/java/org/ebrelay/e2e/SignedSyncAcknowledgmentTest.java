package org.ebrelay.e2e;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.ebrelay.e2e.FaultProxy.Body;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Signed acknowledgments on the HTTP response of the send: a forged one fails the attempt, which is retried. */
class SignedSyncAcknowledgmentTest extends SignedAcknowledgmentChecks {
    @TempDir
    static Path root;
    static TwoNodes nodes;
    /** In front of the laboratory: its answers (the synchronous Acknowledgments) come back through it. */
    static FaultProxy toLab;

    @BeforeAll
    static void startNodes() throws Exception {
        int labPort = TestNode.freePort();
        toLab = FaultProxy.to(labPort);
        nodes = signedPair(root).labPort(labPort).hospitalReachesLabAt(toLab.port()).start();
    }

    @AfterAll
    static void stopNodes() {
        if (nodes != null) {
            nodes.close();
        }
        if (toLab != null) {
            toLab.close();
        }
    }

    @Override
    TwoNodes nodes() {
        return nodes;
    }

    @Override
    void forgeAcks(UnaryOperator<Body> forgery) {
        toLab.rewriteResponses(forgery);
    }

    @Override
    String refusalEvent() {
        return "SEND_FAILED";
    }
}
