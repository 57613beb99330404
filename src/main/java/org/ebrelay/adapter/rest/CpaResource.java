package org.ebrelay.adapter.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.ebrelay.app.cpa.CpaAdministration;
import org.ebrelay.app.cpa.CpaStatus;
import org.ebrelay.app.cpa.CpaVersion;
import org.ebrelay.app.cpa.ReloadReport;
import org.ebrelay.domain.message.CpaId;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The CPA view and administration, {@code /api/cpas}: every active CPA with its live state, one CPA in plain words
 * with its version history, what changed between two versions, and a reload of the CPA folder.
 */
@Path("/cpas")
@Produces(MediaType.APPLICATION_JSON)
public class CpaResource {
    private final CpaAdministration cpas;

    public CpaResource(CpaAdministration cpas) {
        this.cpas = cpas;
    }

    @GET
    public CpaJson.CpaList list() {
        return new CpaJson.CpaList(cpas.statuses().stream().map(CpaJson.Summary::of).toList(),
                cpas.rejectedFiles().stream().map(CpaJson.Rejected::of).toList());
    }

    @GET
    @Path("{cpaId}")
    public CpaJson.Detail get(@PathParam("cpaId") String cpaId) {
        CpaStatus status = cpas.status(CpaId.of(cpaId)).orElseThrow(() -> notFound(cpaId));
        return CpaJson.Detail.of(status, cpas.overrides(), cpas.history(status.cpaId()));
    }

    @GET
    @Path("{cpaId}/versions")
    public CpaJson.VersionList versions(@PathParam("cpaId") String cpaId, @QueryParam("at") String at) {
        List<CpaVersion> versions = at == null ? cpas.history(CpaId.of(cpaId))
                : cpas.versionAt(CpaId.of(cpaId), instant(at)).stream().toList();
        if (versions.isEmpty()) {
            throw notFound(cpaId);
        }
        return new CpaJson.VersionList(cpaId, versions.stream().map(CpaJson.Version::of).toList());
    }

    /** The document of one version, as it was. */
    @GET
    @Path("{cpaId}/versions/{number}/document")
    @Produces(MediaType.APPLICATION_XML)
    public String document(@PathParam("cpaId") String cpaId, @PathParam("number") int number) {
        return cpas.history(CpaId.of(cpaId)).stream().filter(v -> v.number() == number).findFirst()
                .map(CpaVersion::document)
                .orElseThrow(() -> new BadRequest(404, "NotFound", "CPA '" + cpaId + "' has no version " + number));
    }

    /** What changed from one version to another ({@code to} defaults to the latest, {@code from} to the one before). */
    @GET
    @Path("{cpaId}/changes")
    public CpaJson.ChangeList changes(@PathParam("cpaId") String cpaId, @QueryParam("from") Integer from,
                                      @QueryParam("to") Integer to) {
        List<CpaVersion> versions = cpas.history(CpaId.of(cpaId));
        if (versions.isEmpty()) {
            throw notFound(cpaId);
        }
        int last = versions.get(versions.size() - 1).number();
        int target = to == null ? last : to;
        int base = from == null ? Math.max(1, target - 1) : from;
        List<String> changes = cpas.changes(CpaId.of(cpaId), base, target).orElseThrow(() -> new BadRequest(404,
                "NotFound", "CPA '" + cpaId + "' has versions 1 to " + last + ", not " + base + " and " + target));
        return new CpaJson.ChangeList(cpaId, base, target, changes);
    }

    /** Looks at the CPA folder now: what was activated, rejected (with FILE:LINE:COLUMN problems) or withdrawn. */
    @POST
    @Path("reload")
    public CpaJson.Reload reload() {
        ReloadReport report;
        try {
            report = cpas.reload();
        } catch (IllegalStateException e) {
            throw new BadRequest(500, "CpaFolderUnreadable", e.getMessage());
        }
        return CpaJson.Reload.of(report);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequest("'at' must be an instant such as 2026-11-22T08:00:00Z, not '" + text + "'");
        }
    }

    private static BadRequest notFound(String cpaId) {
        return new BadRequest(404, "NotFound", "no CPA with cpaid '" + cpaId + "' is active on this node");
    }
}
