package org.ebrelay.app.bank;

import java.util.List;

/**
 * A node announcing itself to the bank.
 *
 * @param address what the node serves at (informational: the bank never calls a node)
 * @param cpas    the CPA ids it serves (so a resend of a gone node's message may go to it)
 */
public record NodeHello(String address, String version, List<String> cpas) {
    public NodeHello {
        cpas = cpas == null ? List.of() : List.copyOf(cpas);
    }
}
