package org.ebrelay.adapter.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.port.in.Inbox;
import org.ebrelay.app.port.in.NoticeView;
import org.ebrelay.app.port.in.Notices;

/** The application's notices about its failed outbound messages: {@code /api/notices}. */
@Path("/notices")
@Produces(MediaType.APPLICATION_JSON)
public class NoticesResource {
    private final Notices notices;

    public NoticesResource(Notices notices) {
        this.notices = notices;
    }

    /** Unconfirmed notices (all with {@code all=true}) for one sending party or every party of this node. */
    @GET
    public NoticeList list(@QueryParam("party") String party, @QueryParam("all") boolean all) {
        String partyText = party == null || party.isBlank()
                ? null : PartyIds.format(SubmissionRequests.party(party, "party", true));
        return new NoticeList(notices.list(partyText, all).stream().map(NoticeJson::of).toList());
    }

    @GET
    @Path("{noticeId}")
    public NoticeJson get(@PathParam("noticeId") String noticeId) {
        NoticeView notice = notices.get(noticeId);
        if (notice == null) {
            throw notFound(noticeId);
        }
        return NoticeJson.of(notice);
    }

    /** Confirms a notice: the application has it. Confirming twice is harmless. */
    @POST
    @Path("{noticeId}/confirm")
    public Confirmed confirm(@PathParam("noticeId") String noticeId) {
        Inbox.ConfirmResult result = notices.confirm(noticeId);
        if (result == Inbox.ConfirmResult.NOT_FOUND) {
            throw notFound(noticeId);
        }
        return new Confirmed(noticeId, result.name());
    }

    private static BadRequest notFound(String noticeId) {
        return new BadRequest(404, "NotFound", "no notice has the id '" + noticeId + "'");
    }

    record NoticeList(List<NoticeJson> notices) {
    }

    record NoticeJson(String type, String noticeId, String kind, String messageId, List<String> messageIds,
                      String previousMessageId, String hl7MessageId, String cpaId, String from, String to,
                      String service, String action, String detail, Instant nextAttemptAt, Instant createdAt,
                      boolean confirmed) {
        static NoticeJson of(NoticeView v) {
            return new NoticeJson("notice", v.noticeId(), v.kind(), v.messageId(), v.messageIds(),
                    v.previousMessageId(), v.hl7MessageId(), v.cpaId(), v.from(), v.to(), v.service(), v.action(),
                    v.detail(), v.nextAttemptAt(), v.createdAt(), v.confirmed());
        }
    }

    /** @param result CONFIRMED or ALREADY_CONFIRMED */
    record Confirmed(String noticeId, String result) {
    }
}
