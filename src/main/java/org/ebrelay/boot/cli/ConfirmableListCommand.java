package org.ebrelay.boot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.ebrelay.app.PartyIds;
import org.ebrelay.domain.message.PartyId;

/**
 * A list the application works through and confirms item by item (the inbox, the notices): {@code GET
 * /api/RESOURCE?all=&party=} lists, {@code POST /api/RESOURCE/ID/confirm} confirms. Subclasses declare the options
 * with their own words and print one item.
 */
abstract class ConfirmableListCommand extends ClientCommand {
    private final String resource;
    private final String items;

    /**
     * @param resource the API path under /api, e.g. {@code inbox}
     * @param items    the answer's array field, also the plural noun printed when it is empty
     */
    ConfirmableListCommand(String resource, String items) {
        this.resource = resource;
        this.items = items;
    }

    /** Prints one listed item as a line (or two) of text. */
    abstract void printItem(JsonNode item);

    int listOrConfirm(NodeClient node, PartyId party, boolean all, String confirm) {
        return confirm != null ? confirm(node, confirm) : list(node, party, all);
    }

    private int list(NodeClient node, PartyId party, boolean all) {
        StringBuilder query = new StringBuilder("/").append(resource).append("?all=").append(all);
        if (party != null) {
            query.append("&party=").append(NodeClient.encode(PartyIds.format(party)));
        }
        NodeClient.Reply reply = node.get(query.toString());
        if (!reply.ok()) {
            return fail(reply);
        }
        JsonNode listed = reply.body().path(items);
        if (json()) {
            printJson(listed);
            return OK;
        }
        if (listed.isEmpty()) {
            out().println(all ? "No " + items + "." : "No unconfirmed " + items + ".");
        }
        listed.forEach(this::printItem);
        out().flush();
        return OK;
    }

    private int confirm(NodeClient node, String id) {
        NodeClient.Reply reply = node.post("/" + resource + "/" + NodeClient.encode(id) + "/confirm");
        if (!reply.ok()) {
            return fail(reply);
        }
        if (json()) {
            printJson(reply.body());
        } else {
            boolean already = "ALREADY_CONFIRMED".equals(text(reply.body(), "result", ""));
            out().println(already ? id + " was already confirmed" : "Confirmed " + id);
            out().flush();
        }
        return OK;
    }
}
