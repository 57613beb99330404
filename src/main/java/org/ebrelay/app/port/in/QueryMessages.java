package org.ebrelay.app.port.in;

import java.util.List;

/** Finds messages for status queries. */
public interface QueryMessages {
    /** The messages known by this ebXML MessageId (any id of a chain) or, failing that, by this HL7 id. */
    List<MessageView> find(String messageIdOrHl7Id);

    /** Messages in this state (QUEUED, MANUAL, ...), newest first, at most {@code limit}. */
    List<MessageView> byState(String state, int limit);
}
