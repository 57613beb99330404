package org.ebrelay.adapter.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ebrelay.app.TestClock;
import org.ebrelay.app.notify.AdminNotice;
import org.ebrelay.app.notify.AdminNoticeText;
import org.ebrelay.app.notify.NoticeJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key store certificates near their end are announced to administrators ahead of time, and only those. */
class CertificateExpiryWatchTest {
    @TempDir
    Path dir;

    private final List<AdminNotice> announced = new ArrayList<>();

    private CertificateExpiryWatch watch(Path keyStore, Duration warning) {
        return new CertificateExpiryWatch(keyStore, "PKCS12", TestKeyStores.PASSWORD, warning,
                new TestClock(java.time.Instant.now()), announced::add);
    }

    @Test
    void aCertificateExpiringWithinTheWarningPeriodIsAnnouncedWithItsAliasAndDate() {
        Path keyStore = new TestKeyStores(dir).keyStore("node", 10);

        assertThat(watch(keyStore, Duration.ofDays(30)).check()).containsOnlyKeys("node");

        assertThat(announced).singleElement().satisfies(notice -> {
            assertThat(notice.type()).isEqualTo(AdminNotice.Type.CERTIFICATE_EXPIRING);
            assertThat(notice.examples()).singleElement()
                    .satisfies(line -> assertThat(line.detail()).contains("node.p12 alias node: expires"));
            assertThat(AdminNoticeText.subject(notice, "n1")).contains("1 TLS certificate(s) of the node expire soon");
            assertThat(AdminNoticeText.body(notice, "n1")).contains("alias node").contains("without a restart");
            assertThat(new String(NoticeJson.of(notice, "n1"))).contains("CERTIFICATE_EXPIRING", "alias node");
        });
    }

    @Test
    void aCertificateValidBeyondTheWarningPeriodIsNotAnnounced() {
        Path keyStore = new TestKeyStores(dir).keyStore("node", 90);

        assertThat(watch(keyStore, Duration.ofDays(30)).check()).isEmpty();
        assertThat(announced).isEmpty();
    }
}
