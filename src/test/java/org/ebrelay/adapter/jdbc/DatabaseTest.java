package org.ebrelay.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.domain.reliability.OutboundState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseTest {
    @TempDir
    Path dataDir;

    @ParameterizedTest
    @CsvSource({"commit, COMMIT", "COMMIT, COMMIT", "' fsync ', FSYNC", "Fsync, FSYNC"})
    void theDurabilitySettingReadsCommitOrFsync(String value, Durability expected) {
        assertThat(Durability.fromSetting(value)).isEqualTo(expected);
        assertThat(expected.settingValue()).isEqualTo(expected.name().toLowerCase());
    }

    @Test
    void anyOtherDurabilityIsRefusedWithTheAllowedValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> Durability.fromSetting("none"))
                .withMessage("durability must be 'commit' or 'fsync', not 'none'");
        assertThatIllegalArgumentException().isThrownBy(() -> Durability.fromSetting(null));
    }

    @Test
    void theH2FileLivesInTheDataDirectoryAndWritesEveryCommitAtOnce() {
        String url = DatabaseSettings.h2File(dataDir, Durability.COMMIT).jdbcUrl();

        assertThat(url).startsWith("jdbc:h2:ebrelay:" + dataDir.toAbsolutePath().resolve("ebrelay") + ";")
                .contains(";WRITE_DELAY=0;");
    }

    @Test
    void inFsyncModeEveryGroupIsCheckpointedAndCommitted() {
        try (Database database = Database.open(DatabaseSettings.h2File(dataDir, Durability.FSYNC))) {
            MessageStore store = new JdbcMessageStore(database);
            store.insert(CommittingChild.message("a"));
            store.insert(CommittingChild.message("b"));

            assertThat(database.durability()).isEqualTo(Durability.FSYNC);
            Database.WriteCounts counts = database.writeCounts();
            assertThat(counts.transactions()).isEqualTo(2);
            assertThat(counts.units()).isEqualTo(2);
            assertThat(counts.bytesWritten()).as("H2's file writes, pages and all").isPositive();
        }
        try (Database reopened = Database.open(DatabaseSettings.h2File(dataDir, Durability.COMMIT))) {
            assertThat(new JdbcMessageStore(reopened).listOutbound(OutboundState.QUEUED, 10)).hasSize(2);
        }
    }
}
