package org.ebrelay.boot;

import org.ebrelay.adapter.bank.BankDatabase;
import org.ebrelay.adapter.portal.Portal;
import org.ebrelay.app.portal.UserAccounts;
import org.ebrelay.boot.config.GatewayConfig;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;

/** What {@code ebrelay bank user} needs from the wiring: the bank's database and the portal's user accounts. */
public final class PortalAdmin {
    private PortalAdmin() {
    }

    public static BankDatabase openBankDatabase(GatewayConfig config, Path dataDir) {
        return BankHost.openDatabase(config.bank(), dataDir);
    }

    public static UserAccounts accounts(GatewayConfig config, DataSource bankDatabase, Clock clock) {
        Portal portal = PortalSetup.create(config.portal(), config.bank(), bankDatabase, clock);
        return portal.accounts();
    }
}
