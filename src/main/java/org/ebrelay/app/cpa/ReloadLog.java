package org.ebrelay.app.cpa;

import org.slf4j.Logger;

/** What a look at the CPA folder did, in the log: one line per activation, problem and removal. */
final class ReloadLog {
    private ReloadLog() {
    }

    static void log(Logger log, ReloadReport report) {
        for (ReloadReport.Activation a : report.activated()) {
            log.info("CPA {} version {} active from {}{}", a.cpaId(), a.version(), a.file(),
                    a.changes().isEmpty() ? "" : ": " + String.join("; ", a.changes()));
            if (a.retermed() > 0) {
                log.info("{} pending message(s) of CPA {} take the new terms from their next attempt", a.retermed(),
                        a.cpaId());
            }
            if (a.withdrawn().moved() > 0) {
                log.warn("{} pending message(s) of CPA {} moved to manual handling: their action is no longer agreed",
                        a.withdrawn().moved(), a.cpaId());
            }
        }
        for (RejectedEdit r : report.rejected()) {
            log.warn("CPA file {} rejected, the previous version (if any) stays active:\n  {}", r.file(),
                    String.join("\n  ", r.problems()));
        }
        for (ReloadReport.Removal r : report.removed()) {
            log.warn("CPA {} withdrawn ({}): {} pending message(s) moved to manual handling", r.cpaId(), r.file(),
                    r.withdrawn().moved());
        }
    }
}
