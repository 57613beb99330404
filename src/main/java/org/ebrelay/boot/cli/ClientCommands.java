package org.ebrelay.boot.cli;

import picocli.CommandLine;

import java.util.List;

/** The client commands, which talk to a running node over its REST API; registered on the main command. */
public final class ClientCommands {
    /** For {@code @Command(subcommands = ...)} or {@link #addTo}. */
    public static final List<Class<?>> COMMANDS = List.of(SendCommand.class, InboxCommand.class,
            NoticesCommand.class, StatusCommand.class, MessagesCommand.class, PingCommand.class, StatusRequestCommand.class,
            ResendCommand.class, AbandonCommand.class, OrderingCommand.class);

    private ClientCommands() {
    }

    /** Adds send, inbox, notices, status, messages, ping, status-request, resend, abandon and ordering to {@code main}. */
    public static CommandLine addTo(CommandLine main) {
        for (Class<?> command : COMMANDS) {
            main.addSubcommand(command);
        }
        return main;
    }
}
