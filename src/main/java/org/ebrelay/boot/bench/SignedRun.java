package org.ebrelay.boot.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ebrelay.boot.Gateway;
import org.ebrelay.boot.demo.DemoNodes;
import org.ebrelay.boot.demo.DemoParty;
import org.ebrelay.boot.demo.SignedDemoCpa;

/**
 * {@code ebrelay bench --signed messages|acks}: the demo CPA made to sign (and, for {@code acks}, to ask for signed
 * acknowledgments), with a fresh key per node, so the run measures XML signatures end to end.
 *
 * @param cpaFile the CPA the nodes load
 * @param starter starts each node with its own keystore
 */
record SignedRun(Path cpaFile, DemoNodes.GatewayStarter starter) {
    static final String NONE = "none";
    static final String MESSAGES = "messages";
    static final String ACKS = "acks";

    static SignedRun prepare(String mode, Path cpaFile, Path workDir) throws Exception {
        if (NONE.equals(mode)) {
            return new SignedRun(cpaFile, Gateway::start);
        }
        if (!MESSAGES.equals(mode) && !ACKS.equals(mode)) {
            throw new IllegalArgumentException("--signed must be none, messages or acks, not " + mode);
        }
        Path keys = workDir.resolve("bench-keys");
        BenchKeys.Key hospital = BenchKeys.make(keys, DemoParty.HOSPITAL.dirName());
        BenchKeys.Key lab = BenchKeys.make(keys, DemoParty.LAB.dirName());
        String cpa = SignedDemoCpa.signed(Files.readString(cpaFile, StandardCharsets.UTF_8), hospital.certificate(),
                lab.certificate(), ACKS.equals(mode));
        Path signedCpa = Files.writeString(keys.resolve("signed-demo-cpa.xml"), cpa, StandardCharsets.UTF_8);
        Map<String, BenchKeys.Key> byNode = Map.of(DemoParty.HOSPITAL.dirName(), hospital,
                DemoParty.LAB.dirName(), lab);
        return new SignedRun(signedCpa, (config, clock) ->
                Gateway.start(config.withSigning(byNode.get(config.node().id()).signing()), clock));
    }
}
