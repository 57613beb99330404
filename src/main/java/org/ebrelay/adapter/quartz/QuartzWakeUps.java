package org.ebrelay.adapter.quartz;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Quartz, with its JDBC job store in the node's own database, wakes the node's periodic work (the sweep for
 * due messages). Quartz only wakes: the database rows say what is due, so a lost or late trigger delays work but
 * never loses it. Several nodes in one JVM (tests) each get their own scheduler, named after the node.
 *
 * <p>In a cluster ({@link #clustered}) every node runs a scheduler of the same name on the shared database with
 * Quartz's clustered JDBC job store: a job fires on one node at a time, and the jobs of a node that stops checking
 * in are recovered by the others. Work that belongs to one node (its in-memory state) goes to an
 * {@link #inMemory} scheduler instead. A JVM holds one scheduler per name, so one JVM runs one clustered node.
 */
public final class QuartzWakeUps implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QuartzWakeUps.class);
    private static final String GROUP = "ebrelay";
    /** Wake-up tasks by scheduler name and job name; Quartz instantiates jobs itself, so they look them up here. */
    private static final Map<String, Runnable> TASKS = new ConcurrentHashMap<>();

    private final Scheduler scheduler;
    private final String name;

    /**
     * @param nodeId     this node's stable id (names the scheduler and its data source)
     * @param dataSource the node's database, which holds the QRTZ_ tables (created by the Flyway migrations)
     * @param delegate   the Quartz JDBC delegate class for the database (StdJDBCDelegate for H2)
     */
    public QuartzWakeUps(String nodeId, DataSource dataSource, String delegate) {
        this("ebrelay-" + nodeId, jdbcStore("ebrelay-" + nodeId, nodeId, dataSource, delegate));
    }

    /**
     * A member of the Quartz cluster {@code clusterName} on the shared database. The idle wait is 1 s (Quartz's
     * default of 30 s leaves new triggers to whichever node happens to be awake).
     *
     * @param checkinInterval how often this node checks in; the others recover its jobs when it stops
     */
    public static QuartzWakeUps clustered(String clusterName, String nodeId, DataSource dataSource, String delegate,
                                          Duration checkinInterval) {
        Properties p = jdbcStore(clusterName, nodeId, dataSource, delegate);
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(checkinInterval.toMillis()));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", clusterName + "-" + nodeId + "-quartz");
        return new QuartzWakeUps(clusterName, p);
    }

    /** A scheduler of this node alone, in memory: for work on the node's own state. */
    public static QuartzWakeUps inMemory(String nodeId) {
        String name = "ebrelay-" + nodeId + "-local";
        Properties p = common(name, nodeId);
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        return new QuartzWakeUps(name, p);
    }

    /** The Quartz delegate for a database vendor ({@code h2} or {@code postgresql}, as Database names them). */
    public static String delegateFor(String vendor) {
        return vendor.equals("postgresql") ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
                : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
    }

    private static Properties common(String name, String nodeId) {
        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, name);
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, nodeId);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.idleWaitTime", "1000");
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.threadPool.threadNamePrefix", name + "-quartz");
        return p;
    }

    private static Properties jdbcStore(String name, String nodeId, DataSource dataSource, String delegate) {
        DBConnectionManager.getInstance().addConnectionProvider(name, new PoolProvider(dataSource));
        Properties p = common(name, nodeId);
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", delegate);
        p.setProperty("org.quartz.jobStore.dataSource", name);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
        return p;
    }

    private QuartzWakeUps(String name, Properties p) {
        this.name = name;
        try {
            this.scheduler = new StdSchedulerFactory(p).getScheduler();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz could not be configured: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code task} every {@code interval} from now on (replacing an earlier schedule of the same name, as
     * after a restart). A run that is still busy is not started again in parallel.
     */
    public void every(String jobName, Duration interval, Runnable task) {
        TASKS.put(name + "/" + jobName, task);
        JobDetail job = JobBuilder.newJob(WakeUpJob.class).withIdentity(jobName, GROUP)
                .usingJobData("task", name + "/" + jobName).storeDurably().build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(jobName, GROUP).forJob(job).startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        try {
            scheduler.scheduleJob(job, java.util.Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule " + jobName + ": " + e.getMessage(), e);
        }
    }

    public void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz did not start: " + e.getMessage(), e);
        }
    }

    public boolean isScheduled(String jobName) {
        try {
            return scheduler.checkExists(new JobKey(jobName, GROUP));
        } catch (SchedulerException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("Quartz did not shut down cleanly: {}", e.getMessage());
        }
        TASKS.keySet().removeIf(key -> key.startsWith(name + "/"));
    }

    /** The job Quartz instantiates: it runs the task registered under its data key, if this JVM has it. */
    @DisallowConcurrentExecution
    public static final class WakeUpJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            Runnable task = TASKS.get(context.getMergedJobDataMap().getString("task"));
            if (task == null) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("wake-up {} failed: {}", context.getJobDetail().getKey(), e.toString());
            }
        }
    }

    private record PoolProvider(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool belongs to the node and is closed by it
        }

        @Override
        public void initialize() {
            // nothing to do: the pool already exists
        }
    }
}
