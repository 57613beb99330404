package org.ebrelay.boot.cli;

import picocli.CommandLine.Command;

/** {@code ebrelay abandon ID --reason TEXT}: an operator gives a message up for good. */
@Command(name = "abandon", exitCodeOnInvalidInput = ClientCommand.USAGE,
        description = {"Gives a message up for good: ABANDONED, never sent again (from QUEUED, AWAITING_ACK,",
                "RETRYING, SLOW_RETRY or MANUAL).",
                "Exit codes: 0 abandoned, 1 refused, 2 node unreachable, 64 wrong command line."})
public final class AbandonCommand extends OperatorCommand {
    @Override
    String action() {
        return "abandon";
    }

    @Override
    String doneVerb() {
        return "Abandoned";
    }
}
