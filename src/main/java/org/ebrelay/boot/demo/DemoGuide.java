package org.ebrelay.boot.demo;

import org.ebrelay.boot.Gateway;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** What to try against the two demo nodes once the story has run: their URLs and ready-to-paste commands. */
final class DemoGuide {
    private DemoGuide() {
    }

    /** Prints the guide; writes a sample order to {@code <dataDir>/order.hl7} for the send example. */
    static void print(PrintWriter out, DemoNodes nodes, Path dataDir, String lastOrderId, Clock clock,
                      java.util.function.BiConsumer<DemoNodes, PrintWriter> more) {
        URI hospital = nodes.node(DemoParty.HOSPITAL).baseUri();
        URI lab = nodes.node(DemoParty.LAB).baseUri();
        Path order = writeSampleOrder(dataDir, clock);
        out.println();
        out.println("Both nodes keep running until Ctrl-C:");
        for (DemoParty party : DemoParty.values()) {
            Gateway node = nodes.node(party);
            URI base = node.baseUri();
            out.printf("  %-10s %s  acts for %s, data in %s%n", party.displayName(), base, party.partyId(),
                    nodes.config(party).storage().dataDir());
            out.printf("             health %s/health  API %s/api  metrics %s/metrics%n", base, base, base);
        }
        out.println();
        out.println("Try, in another terminal:");
        out.printf("  curl -s %s/health%n", hospital);
        out.printf("  curl -s %s/api/messages/%s%n", hospital, lastOrderId);
        out.printf("  curl -s '%s/api/inbox?all=true'%n", lab);
        out.printf("  scripts/ebrelay status --node %s %s%n", hospital, lastOrderId);
        out.printf("  scripts/ebrelay inbox --node %s%n", lab);
        if (order != null) {
            out.printf("  scripts/ebrelay send --node %s --cpa %s --action %s --to %s --payload %s%n", hospital,
                    DemoParty.CPA_ID, DemoParty.HOSPITAL.action(), DemoParty.LAB.partyId(), order);
        }
        more.accept(nodes, out);
        out.println();
        out.println("Press Ctrl-C to stop both nodes.");
        out.flush();
    }

    private static Path writeSampleOrder(Path dataDir, Clock clock) {
        String id = "ORD-TRY-" + Long.toString(clock.millis(), 36).toUpperCase(java.util.Locale.ROOT);
        Path file = dataDir.resolve("order.hl7");
        try {
            Files.write(file, Hl7Samples.order(id, "PLC-TRY", 0, clock.instant()));
            return file;
        } catch (IOException e) {
            return null; // the send example is left out
        }
    }
}
