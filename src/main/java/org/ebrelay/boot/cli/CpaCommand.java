package org.ebrelay.boot.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ebrelay cpa}: the group of CPA commands; on its own it only explains itself. */
@Command(name = "cpa", mixinStandardHelpOptions = true,
        description = "Check and show Collaboration Protocol Agreements (CPPA 2.0 CPA files); reload a running"
                + " node's CPAs and list their versions.",
        subcommands = {CpaCheckCommand.class, CpaShowCommand.class, CpaReloadCommand.class,
                CpaHistoryCommand.class})
public final class CpaCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: check, show, reload or history");
    }
}
