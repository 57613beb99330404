package org.ebrelay.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/** The Quartz tables of migration 2 work with Quartz's JDBC job store on H2 2.x, through our pool. */
class QuartzTablesTest {
    static final CountDownLatch FIRED = new CountDownLatch(1);

    @TempDir
    Path dataDir;

    /** Counts down {@link #FIRED}. */
    public static class Wake implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            FIRED.countDown();
        }
    }

    @Test
    void quartzStoresAndFiresAJobInOurDatabase() throws Exception {
        try (Database database = Database.open(DatabaseSettings.h2File(dataDir, Durability.COMMIT))) {
            DBConnectionManager.getInstance().addConnectionProvider("ebrelay-test", provider(database));
            Properties properties = new Properties();
            properties.setProperty("org.quartz.scheduler.instanceName", "ebrelay-test");
            properties.setProperty("org.quartz.threadPool.threadCount", "1");
            properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
            properties.setProperty("org.quartz.jobStore.driverDelegateClass",
                    "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
            properties.setProperty("org.quartz.jobStore.dataSource", "ebrelay-test");
            Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
            try {
                scheduler.scheduleJob(JobBuilder.newJob(Wake.class).withIdentity("wake").storeDurably().build(),
                        TriggerBuilder.newTrigger().withIdentity("now").startNow().build());
                assertThat(count(database, "QRTZ_JOB_DETAILS")).isEqualTo(1);
                scheduler.start();

                assertThat(FIRED.await(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                scheduler.shutdown(true);
            }
        }
    }

    private static ConnectionProvider provider(Database database) {
        return new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return database.dataSource().getConnection();
            }

            @Override
            public void shutdown() {
            }

            @Override
            public void initialize() {
            }
        };
    }

    private static int count(Database database, String table) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
