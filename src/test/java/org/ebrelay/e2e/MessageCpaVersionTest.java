package org.ebrelay.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ebrelay.boot.Gateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.awaitOutbound;

/**
 * Each message records the CPA version it was sent or received under (issue 9): stored with the message, shown by
 * {@code ebrelay status} and the REST status.
 */
class MessageCpaVersionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void messagesSentAndReceivedBeforeAndAfterAValidEditRecordTheirOwnVersions() throws Exception {
        try (TwoNodes nodes = TwoNodes.in(root).start()) {
            String first = nodes.order(Hl7Messages.order()).messageId();
            awaitOutbound(nodes.hospital(), first, "COMPLETE");

            retryIntervalBecomes3s(nodes.hospital(), root.resolve("hospital-cpa"));
            retryIntervalBecomes3s(nodes.lab(), root.resolve("lab-cpa"));
            String second = nodes.order(Hl7Messages.order()).messageId();
            awaitOutbound(nodes.hospital(), second, "COMPLETE");

            assertThat(Observed.outbound(nodes.hospital(), first).cpaVersion()).isEqualTo(1);
            assertThat(Observed.outbound(nodes.hospital(), second).cpaVersion()).isEqualTo(2);
            // COMPLETE: the laboratory acknowledged, so it had stored the message
            assertThat(Observed.inbound(nodes.lab(), first).cpaVersion()).isEqualTo(1);
            assertThat(Observed.inbound(nodes.lab(), second).cpaVersion()).isEqualTo(2);

            JsonNode status = JSON.readTree(CommandRun.ebrelay("status", "--node",
                    nodes.hospital().baseUri().toString(), second, "--json").out());
            assertThat(status.path("cpaVersion").asInt()).isEqualTo(2);
            CommandRun text = CommandRun.ebrelay("status", "--node", nodes.hospital().baseUri().toString(), first);
            assertThat(text.out()).contains("version 1");
        }
    }

    /** A valid edit of the node's CPA file, activated by the reload (as {@code ebrelay cpa reload} does). */
    private static void retryIntervalBecomes3s(Gateway node, Path folder) throws IOException {
        Path file = folder.resolve("demo-hospital-lab.xml");
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(xml).contains("<tns:RetryInterval>PT2S</tns:RetryInterval>");
        Files.writeString(file, xml.replace("<tns:RetryInterval>PT2S</tns:RetryInterval>",
                "<tns:RetryInterval>PT3S</tns:RetryInterval>"), StandardCharsets.UTF_8);
        assertThat(node.cpaAdministration().reload().activated()).singleElement()
                .satisfies(a -> assertThat(a.version()).isEqualTo(2));
    }
}
