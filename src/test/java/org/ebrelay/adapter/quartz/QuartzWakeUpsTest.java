package org.ebrelay.adapter.quartz;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class QuartzWakeUpsTest {
    @TempDir
    Path dir;

    @Test
    void aScheduleKeptInTheDatabaseWakesTheTaskRepeatedlyAndSurvivesARestart() throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        // async: an interrupted thread (Quartz shutdown interrupts its workers) must not close the database file
        db.setURL("jdbc:h2:async:" + dir.resolve("db").toAbsolutePath() + ";DB_CLOSE_DELAY=-1");
        createQuartzTables(db);

        AtomicInteger runs = new AtomicInteger();
        try (QuartzWakeUps wakeUps = new QuartzWakeUps("node-a", db, "org.quartz.impl.jdbcjobstore.StdJDBCDelegate")) {
            wakeUps.every("sweep", Duration.ofMillis(100), runs::incrementAndGet);
            wakeUps.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 3);
        }

        AtomicInteger afterRestart = new AtomicInteger();
        try (QuartzWakeUps wakeUps = new QuartzWakeUps("node-a", db, "org.quartz.impl.jdbcjobstore.StdJDBCDelegate")) {
            assertThat(wakeUps.isScheduled("sweep")).as("the job is stored in the database").isTrue();
            wakeUps.every("sweep", Duration.ofMillis(100), afterRestart::incrementAndGet);
            wakeUps.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> afterRestart.get() >= 2);
        }
    }

    private static void createQuartzTables(JdbcDataSource db) throws Exception {
        String ddl;
        try (InputStream in = org.quartz.Scheduler.class.getResourceAsStream("/org/quartz/impl/jdbcjobstore/tables_h2.sql")) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String statement : ddl.split(";")) {
                String sql = statement.lines().filter(l -> !l.trim().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).trim();
                if (!sql.isEmpty()) {
                    s.execute(sql);
                }
            }
        }
    }
}
