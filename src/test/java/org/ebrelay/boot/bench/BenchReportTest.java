package org.ebrelay.boot.bench;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BenchReportTest {
    private static final long TEN_SECONDS = 10_000_000_000L;

    private static BenchReport measuredWhileTheJitCompiled(long jitMillis) {
        return new BenchReport("setup", 2, 2, 0, TEN_SECONDS, 4_000_000_000L, 30, jitMillis,
                new long[] {1_000_000, 3_000_000}, new long[] {500_000, 600_000}, Map.of("ebrelay-http", 1L), 0);
    }

    private static String printed(BenchReport report) {
        StringWriter text = new StringWriter();
        report.print(new PrintWriter(text));
        return text.toString();
    }

    @Test
    void aRunDuringWhichTheJitCompilerWasBusySaysSo() {
        BenchReport report = measuredWhileTheJitCompiled(2_000);

        assertThat(report.jitStillBusy()).isTrue();
        assertThat(printed(report)).contains("JIT 2000 ms")
                .contains("JIT compilations took 2.0 s during the 10.0 s measured");
    }

    @Test
    void aRunAfterTheJitSettledCarriesNoWarning() {
        BenchReport report = measuredWhileTheJitCompiled(400);

        assertThat(report.jitStillBusy()).isFalse();
        assertThat(printed(report)).contains("JIT 400 ms").doesNotContain("warning");
    }
}
