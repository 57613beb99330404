package org.ebrelay.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ebrelay.app.bank.CpaReport;
import org.ebrelay.app.bank.CpaShipping;
import org.ebrelay.app.cpa.CpaAdministration;
import org.ebrelay.app.cpa.CpaStatus;
import org.ebrelay.app.cpa.CpaVersion;
import org.ebrelay.app.cpa.RejectedEdit;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node's CPAs as it tells the bank: the same JSON words as {@code /api/cpas/{cpaId}} (one source), plus the
 * changes of each version and the overrides in force. The changes between stored versions never change, so they
 * are worked out once per version.
 */
public final class CpaReports implements CpaShipping.Source {
    private final ObjectMapper json = ApiJson.mapper();
    private final CpaAdministration cpas;
    private final Map<String, List<String>> changes = new ConcurrentHashMap<>();

    public CpaReports(CpaAdministration cpas) {
        this.cpas = cpas;
    }

    @Override
    public String fingerprint() {
        StringBuilder f = new StringBuilder(cpas.overrides().all().toString());
        cpas.rejectedFiles().forEach(r -> f.append('|').append(r.file()).append(' ').append(r.checksum()));
        for (CpaStatus s : cpas.statuses()) {
            RejectedEdit edit = s.rejectedEdit();
            f.append('|').append(s.cpaId()).append(' ').append(s.version().number()).append(' ')
                    .append(s.version().checksum()).append(' ').append(s.state()).append(' ').append(s.expiring())
                    .append(' ').append(edit == null ? "-" : edit.checksum() + edit.at());
        }
        return f.toString();
    }

    @Override
    public List<CpaReport> reports() {
        List<RejectedEdit> rejectedFiles = cpas.rejectedFiles();
        return cpas.statuses().stream().map(s -> report(s, rejectedFiles)).toList();
    }

    private CpaReport report(CpaStatus s, List<RejectedEdit> rejectedFiles) {
        CpaJson.Report report = CpaJson.Report.of(s, cpas.overrides(), cpas.history(s.cpaId()), this::changesOf,
                rejectedFiles);
        try {
            return new CpaReport(s.cpaId().value(), s.state(), s.version().number(), s.version().checksum(),
                    json.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> changesOf(CpaVersion v) {
        if (v.number() < 2) {
            return List.of();
        }
        return changes.computeIfAbsent(v.cpaId().value() + "\u0000" + v.number() + "\u0000" + v.checksum(),
                k -> cpas.changes(v.cpaId(), v.number() - 1, v.number()).orElse(List.of()));
    }
}
