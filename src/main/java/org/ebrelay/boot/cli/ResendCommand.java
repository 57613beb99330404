package org.ebrelay.boot.cli;

import picocli.CommandLine.Command;

/** {@code ebrelay resend ID --reason TEXT}: an operator sends a message again, now, in a fresh retry sequence. */
@Command(name = "resend", exitCodeOnInvalidInput = ClientCommand.USAGE,
        description = {"Sends a message again now, in a fresh ebXML retry sequence (from MANUAL, RETRYING or",
                "SLOW_RETRY); it goes out under a new MessageId once PersistDuration has passed.",
                "Exit codes: 0 resent, 1 refused, 2 node unreachable, 64 wrong command line."})
public final class ResendCommand extends OperatorCommand {
    @Override
    String action() {
        return "resend";
    }

    @Override
    String doneVerb() {
        return "Resent";
    }
}
