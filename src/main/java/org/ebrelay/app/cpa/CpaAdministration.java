package org.ebrelay.app.cpa;

import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.cpa.AgreementChanges;
import org.ebrelay.domain.cpa.EndpointOverrides;
import org.ebrelay.domain.message.CpaId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CPAs a running node serves, kept in step with its CPA folder (docs/cpa-administration.md). A changed, added or
 * removed file is checked first; only a valid one is activated, by swapping it into the {@link AgreementRegistry}
 * whole. A broken edit leaves the previous version active and is reported (log, administrators, the CPA view).
 * Every activated version is kept in the store; pending messages follow the rules of {@link InFlightRules}; a
 * removed or expired CPA's pending messages move to manual handling.
 */
public final class CpaAdministration {
    private static final Logger log = LoggerFactory.getLogger("org.ebrelay.cpa");
    private static final String MISSING = "\u0000missing";

    private final AgreementRegistry registry;
    private final CpaFolder folder;
    private final CpaVersions versions;
    private final PendingOutbound pending;
    private final CpaAlerts alerts;
    private final OverridesWatch overridesWatch;
    private volatile EndpointOverrides overrides;
    private final Clock clock;
    private final InFlightRules inFlight;
    private final ExpiryWatch expiry;
    private final Withdrawals withdrawals;

    private final Map<Path, String> seen = new HashMap<>();
    private final Map<Path, String> settling = new HashMap<>();
    private final Map<CpaId, Active> active = new LinkedHashMap<>();
    private final Map<Path, RejectedEdit> rejected = new LinkedHashMap<>();
    private final Map<CpaId, List<String>> warnings = new HashMap<>();
    private final Set<Path> duplicates = new HashSet<>();

    private record Active(Path file, Agreement document, Agreement effective, CpaVersion version) {
    }

    public CpaAdministration(AgreementRegistry registry, CpaFolder folder, CpaVersions versions,
                             PendingOutbound pending, CpaAlerts alerts, EndpointOverrides overrides,
                             Duration expiryWarning, Clock clock) {
        this(registry, folder, versions, pending, alerts, overrides, null, expiryWarning, clock);
    }

    /**
     * @param overrides     the configured endpoint overrides (read at start-up)
     * @param overridesFile the endpoint overrides file looked at with the folder, or null
     */
    public CpaAdministration(AgreementRegistry registry, CpaFolder folder, CpaVersions versions,
                             PendingOutbound pending, CpaAlerts alerts, EndpointOverrides overrides,
                             OverridesFile overridesFile, Duration expiryWarning, Clock clock) {
        this.registry = registry;
        this.overridesWatch = new OverridesWatch(overridesFile, overrides);
        this.folder = folder;
        this.versions = versions;
        this.pending = pending;
        this.alerts = alerts;
        this.overrides = overrides;
        this.clock = clock;
        this.inFlight = new InFlightRules(pending);
        this.expiry = new ExpiryWatch(expiryWarning, alerts);
        this.withdrawals = new Withdrawals(pending, alerts);
    }

    /**
     * The first look, at start-up: activates the folder's CPAs (recording a version when a file changed while the
     * node was down, and applying it to pending messages) and withdraws the pending messages of CPAs no file holds
     * any more.
     */
    public synchronized ReloadReport startUp() {
        ReloadReport report = look(false);
        List<ReloadReport.Removal> removed = new ArrayList<>(report.removed());
        Instant now = clock.instant();
        for (CpaId id : pending.cpasWithPending()) {
            if (!active.containsKey(id)) {
                removed.add(new ReloadReport.Removal(id, null, withdrawals.withdrawCpa(id, "CPA " + id
                        + " was withdrawn: no file in the CPA folder holds it any more", now)));
            }
        }
        return new ReloadReport(report.activated(), report.rejected(), removed, report.unchanged());
    }

    /** Looks at every file now (the reload command): changes count at once. */
    public synchronized ReloadReport reload() {
        return look(false);
    }

    /**
     * The periodic look: a change counts once two looks in a row saw the same content (or the same absence), so
     * an editor's half-written file or its delete-and-rename is not taken for an edit.
     */
    public synchronized ReloadReport poll() {
        return look(true);
    }

    private ReloadReport look(boolean settle) {
        Instant now = clock.instant();
        Map<Path, String> files = folder.scan();
        Changes changes = new Changes();
        lookAtOverrides(settle, now, changes);
        // a removed file's CPA is withdrawn only if no other file serves it after this look (a file renamed)
        Map<CpaId, Path> orphaned = new LinkedHashMap<>();
        for (Path file : new ArrayList<>(seen.keySet())) {
            if (!files.containsKey(file) && settled(file, MISSING, settle)) {
                seen.remove(file);
                rejected.remove(file);
                cpaOf(file).ifPresent(id -> {
                    orphaned.put(id, file);
                    active.remove(id);
                });
            }
        }
        if (!orphaned.isEmpty()) {
            duplicates.forEach(seen::remove); // a file refused for another file's CPAId may be the one to serve it now
            duplicates.clear();
        }
        int unchanged = 0;
        for (Map.Entry<Path, String> entry : files.entrySet()) {
            Path file = entry.getKey();
            if (entry.getValue().equals(seen.get(file))) {
                settling.remove(file);
                unchanged++;
            } else if (settled(file, entry.getValue(), settle)) {
                process(file, now, changes);
            }
        }
        orphaned.forEach((id, file) -> {
            if (!active.containsKey(id)) {
                changes.removed.add(withdraw(id, file, "its file " + file + " was removed", now));
            }
        });
        settling.keySet().removeIf(file -> !files.containsKey(file) && !seen.containsKey(file));
        withdrawals.followUp(this::stillWithdrawn, now);
        checkExpiry(now);
        ReloadReport report = new ReloadReport(changes.activated, new ArrayList<>(rejected.values()),
                changes.removed, unchanged);
        ReloadLog.log(log, new ReloadReport(changes.activated, changes.rejected, changes.removed, unchanged));
        return report;
    }

    private boolean settled(Path file, String state, boolean settle) {
        if (settle && !state.equals(settling.put(file, state))) {
            return false;
        }
        settling.remove(file);
        return true;
    }

    private static final class Changes {
        final List<ReloadReport.Activation> activated = new ArrayList<>();
        final List<RejectedEdit> rejected = new ArrayList<>();
        final List<ReloadReport.Removal> removed = new ArrayList<>();
    }

    private void process(Path file, Instant now, Changes changes) {
        CpaRead read = folder.read(file);
        seen.put(file, read.checksum());
        if (!read.isValid()) {
            changes.rejected.add(reject(file, read.checksum(), read.problems(), now));
            return;
        }
        CpaId id = read.agreement().cpaId();
        Active holder = active.get(id);
        duplicates.remove(file);
        if (holder != null && !holder.file().equals(file)) {
            changes.rejected.add(reject(file, read.checksum(), List.of(file + ":1:1: cpaid '" + id
                    + "' is already served by " + holder.file() + "; one file per CPAId"), now));
            duplicates.add(file);
            return;
        }
        cpaOf(file).filter(old -> !old.equals(id)).ifPresent(old -> changes.removed.add(
                withdraw(old, file, "its file " + file + " now holds CPA " + id, now)));
        try {
            changes.activated.add(activate(file, read));
        } catch (RuntimeException e) {
            seen.remove(file); // not activated: the next look tries again
            throw e;
        }
    }

    /**
     * A changed overrides file is checked first and taken into use whole: every active CPA is swapped in again with
     * the new endpoints (same version), and its pending messages take them from their next attempt. A broken file
     * keeps the mappings in force and is reported like a broken CPA edit.
     */
    private void lookAtOverrides(boolean settle, Instant now, Changes changes) {
        Optional<OverridesFile.Read> read = overridesWatch.changed(settle);
        if (read.isEmpty()) {
            return;
        }
        Path file = overridesWatch.path();
        if (!read.get().isValid()) {
            changes.rejected.add(rejectOverrides(file, read.get(), now));
            return;
        }
        rejected.remove(file);
        EndpointOverrides next = overridesWatch.inForce(read.get().overrides());
        if (next.all().equals(overrides.all())) {
            return;
        }
        overrides = next;
        int retargeted = 0;
        for (Active a : new ArrayList<>(active.values())) {
            Agreement effective = next.apply(a.document());
            registry.put(effective, a.version().number());
            active.put(a.document().cpaId(), new Active(a.file(), a.document(), effective, a.version()));
            retargeted += inFlight.apply(effective, a.version().number(), now).retermed();
        }
        log.info("endpoint overrides of {} taken into use: {} mapping(s) in force; {} pending message(s) take them"
                + " from their next attempt", file, next.all().size(), retargeted);
    }

    private RejectedEdit rejectOverrides(Path file, OverridesFile.Read read, Instant now) {
        RejectedEdit edit = new RejectedEdit(file, now, read.checksum(), read.problems());
        rejected.put(file, edit);
        alerts.send(new CpaAlerts.CpaAlert("REJECTED_EDIT", "Endpoint overrides edit rejected: " + file,
                "The edit of " + file + " was not taken into use: it fails the checks.\nThe "
                        + overrides.all().size() + " endpoint override(s) in force stay as they were.\n\n"
                        + String.join("\n", read.problems()) + "\n"));
        return edit;
    }

    private RejectedEdit reject(Path file, String checksum, List<String> problems, Instant now) {
        RejectedEdit edit = new RejectedEdit(file, now, checksum, problems);
        rejected.put(file, edit);
        Optional<Active> previous = cpaOf(file).map(active::get);
        String keeps = previous.map(a -> "Version " + a.version().number() + " of CPA " + a.document().cpaId()
                + " (activated " + a.version().activatedAt() + ") stays active.").orElse("No CPA of this file is active.");
        alerts.send(new CpaAlerts.CpaAlert("REJECTED_EDIT", "CPA edit rejected: " + file,
                "The edit of " + file + " was not activated: it fails the checks of 'ebrelay cpa check'.\n" + keeps
                        + "\n\n" + String.join("\n", problems) + "\n"));
        return edit;
    }

    /**
     * Records the version (a store that is down leaves the previous one in force: the next look tries again), then
     * swaps the agreement in carrying its version number, which every message resolved against it records.
     */
    private ReloadReport.Activation activate(Path file, CpaRead read) {
        Agreement document = read.agreement();
        CpaId id = document.cpaId();
        Active previous = active.get(id);
        Agreement effective = overrides.apply(document);
        Instant now = clock.instant();
        CpaVersions.Recorded recorded = versions.recordIfChanged(id, read.checksum(), file.getFileName().toString(),
                read.document(), now);
        registry.put(effective, recorded.version().number());
        rejected.remove(file);
        active.put(id, new Active(file, document, effective, recorded.version()));
        List<String> changed = previous != null ? describe(previous.document(), document)
                : recorded.created() ? changesFromStored(recorded.version()) : List.of();
        int number = recorded.version().number();
        if (previous == null && !recorded.created()) {
            return new ReloadReport.Activation(id, file, number, changed, 0, new PendingOutbound.Withdrawn(0, 0));
        }
        InFlightRules.Applied applied = inFlight.apply(effective, number, now);
        applied.stillSending().forEach(route -> withdrawals.remember(id, route,
                InFlightRules.reason(id, number, route)));
        if (applied.withdrawn().moved() > 0) {
            withdrawals.alert(id, applied.withdrawn(), "version " + number + " no longer agrees their actions");
        }
        return new ReloadReport.Activation(id, file, number, changed, applied.retermed(), applied.withdrawn());
    }

    private List<String> changesFromStored(CpaVersion version) {
        if (version.number() < 2) {
            return List.of();
        }
        Agreement after = parse(version);
        return versions.find(version.cpaId(), version.number() - 1).map(this::parse)
                .filter(before -> after != null).map(before -> describe(before, after)).orElse(List.of());
    }

    private ReloadReport.Removal withdraw(CpaId id, Path file, String why, Instant now) {
        registry.remove(id);
        active.remove(id);
        warnings.remove(id);
        return new ReloadReport.Removal(id, file, withdrawals.withdrawCpa(id, "CPA " + id + " was withdrawn: " + why, now));
    }

    /** Whether a remembered withdrawal still holds: the CPA is gone or expired, or its route still not agreed. */
    private boolean stillWithdrawn(CpaId id, PendingOutbound.Route route, Instant now) {
        Active a = active.get(id);
        if (a == null) {
            return true;
        }
        if (route == null) {
            return !now.isBefore(a.document().end());
        }
        return a.effective().route(route.from(), null, route.to(), route.service(), route.action()).isEmpty();
    }

    private void checkExpiry(Instant now) {
        for (Active a : active.values()) {
            warnings.put(a.document().cpaId(), expiry.check(a.document(), a.version().checksum(), now));
            if (!now.isBefore(a.document().end())) {
                withdrawals.expireOnce(a.document().cpaId(), a.version().checksum(), a.document().end(), now);
            }
        }
    }

    private Optional<CpaId> cpaOf(Path file) {
        return active.values().stream().filter(a -> a.file().equals(file)).map(a -> a.document().cpaId()).findFirst();
    }

    /** Every active CPA with its live state. */
    public synchronized List<CpaStatus> statuses() {
        return active.keySet().stream().map(id -> status(id).orElseThrow()).toList();
    }

    public synchronized Optional<CpaStatus> status(CpaId cpaId) {
        Active a = active.get(cpaId);
        if (a == null) {
            return Optional.empty();
        }
        RejectedEdit edit = rejected.get(a.file());
        List<String> expiring = warnings.getOrDefault(cpaId, List.of());
        String state = !clock.instant().isBefore(a.document().end()) ? "EXPIRED"
                : edit != null ? "REJECTED_EDIT" : !expiring.isEmpty() ? "EXPIRING" : "ACTIVE";
        return Optional.of(new CpaStatus(cpaId, a.file(), a.document(), a.effective(), a.version(), edit, expiring,
                state));
    }

    /** Rejected files that have no active CPA (a new file that never passed the checks). */
    public synchronized List<RejectedEdit> rejectedFiles() {
        return rejected.values().stream().filter(r -> cpaOf(r.file()).isEmpty()).toList();
    }

    public List<CpaVersion> history(CpaId cpaId) {
        return versions.list(cpaId);
    }

    /** The version a message of the CPA accepted (sent or received) at {@code at} was handled under. */
    public Optional<CpaVersion> versionAt(CpaId cpaId, Instant at) {
        return versions.activeAt(cpaId, at);
    }

    /** What changed from version {@code from} to version {@code to}, in CPA terms; empty when either is unknown. */
    public Optional<List<String>> changes(CpaId cpaId, int from, int to) {
        Optional<CpaVersion> before = versions.find(cpaId, from);
        Optional<CpaVersion> after = versions.find(cpaId, to);
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        Agreement a = parse(before.get());
        Agreement b = parse(after.get());
        return Optional.of(a == null || b == null ? List.of("a stored version no longer passes the checks")
                : describe(a, b));
    }

    public EndpointOverrides overrides() {
        return overrides;
    }

    private Agreement parse(CpaVersion version) {
        return folder.parse(version.file(), version.document()).agreement();
    }

    private static List<String> describe(Agreement before, Agreement after) {
        return AgreementChanges.between(before, after).stream().map(AgreementChanges.Change::describe).toList();
    }
}
