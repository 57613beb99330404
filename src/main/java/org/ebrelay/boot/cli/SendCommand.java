package org.ebrelay.boot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ebrelay.app.PartyIds;
import org.ebrelay.domain.message.PartyId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** {@code ebrelay send}: submits a message to a node. */
@Command(name = "send", exitCodeOnInvalidInput = ClientCommand.USAGE,
        description = {"Submits a message to a node, which sends it reliably to the partner.",
                "Exit codes: 0 accepted, 1 refused, 2 node unreachable, 64 wrong command line."})
public final class SendCommand extends ClientCommand {
    @Option(names = "--cpa", required = true, paramLabel = "CPAID", description = "The CPA the message travels under.")
    String cpaId;

    @Option(names = "--action", required = true, paramLabel = "ACTION", description = "The action.")
    String action;

    @Option(names = "--service", paramLabel = "SERVICE",
            description = "The service (default: the CPA's only service offering the action).")
    String service;

    @Option(names = "--service-type", paramLabel = "TYPE", description = "The service's type attribute.")
    String serviceType;

    @Option(names = "--from", paramLabel = "TYPE:VALUE", converter = PartyIdConverter.class,
            description = "The sending party (default: the node's only party in the CPA). Untyped: :VALUE.")
    PartyId from;

    @Option(names = "--to", required = true, paramLabel = "TYPE:VALUE", converter = PartyIdConverter.class,
            description = "The receiving party. Split at the last colon; untyped: :VALUE.")
    PartyId to;

    @Option(names = "--payload", required = true, paramLabel = "FILE", description = "The payload file.")
    Path payload;

    @Option(names = "--content-type", paramLabel = "TYPE", description = {"The payload's media type (default: "
            + "guessed: MSH|... application/hl7-v2, HL7 v3 XML text/xml, other XML application/xml, "
            + "else application/octet-stream)."})
    String contentType;

    @Option(names = "--hl7-id", paramLabel = "ID", description = "The HL7 message id (default: read from the payload).")
    String hl7Id;

    @Option(names = "--conversation-id", paramLabel = "ID", description = "The conversation (default: a new one).")
    String conversationId;

    @Override
    int run(NodeClient node) {
        byte[] content = readPayload();
        NodeClient.Reply reply = node.postJson("/messages", request(content));
        if (reply.status() != 202) {
            return fail(reply);
        }
        JsonNode accepted = reply.body();
        if (json()) {
            printJson(accepted);
        } else {
            out().println("Accepted " + text(accepted, "messageId", "?") + " (HL7 id "
                    + text(accepted, "hl7MessageId", "none") + "), state " + text(accepted, "state", "?"));
            out().flush();
        }
        return OK;
    }

    private ObjectNode request(byte[] content) {
        ObjectNode request = JSON.createObjectNode().put("cpaId", cpaId);
        if (service != null) {
            request.putObject("service").put("type", serviceType).put("value", service);
        } else if (serviceType != null) {
            throw new ParameterException(spec.commandLine(), "--service-type needs --service");
        }
        request.put("action", action);
        if (from != null) {
            request.put("from", PartyIds.format(from));
        }
        request.put("to", PartyIds.format(to));
        String type = contentType != null ? contentType : PayloadTypes.guess(content);
        request.putArray("payloads").addObject().put("contentType", type)
                .put("content", Base64.getEncoder().encodeToString(content));
        if (hl7Id != null) {
            request.put("hl7MessageId", hl7Id);
        }
        if (conversationId != null) {
            request.put("conversationId", conversationId);
        }
        return request;
    }

    private byte[] readPayload() {
        try {
            byte[] content = Files.readAllBytes(payload);
            if (content.length == 0) {
                throw new ParameterException(spec.commandLine(), "the payload file " + payload + " is empty");
            }
            return content;
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read the payload file " + payload + ": " + e);
        }
    }
}
