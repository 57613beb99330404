package org.ebrelay.boot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ebrelay.boot.StandaloneBank;
import org.ebrelay.boot.StartupException;
import org.ebrelay.boot.config.ConfigLoader;
import org.ebrelay.boot.config.GatewayConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ebrelay bank}: a standalone Message Bank in the foreground, fed by nodes over HTTP. */
@Command(name = "bank", mixinStandardHelpOptions = true,
        description = {"Run a standalone Message Bank: every message and event of the nodes that ship to it",
                "(their bank.url), its REST API under /bank/api (docs/bank-api.md). It never calls a node.",
                "Options override the configuration file (conf/ebrelay.yaml when present; the bank: section)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:could not start (configuration, database or port problem)", "2:bad arguments"},
        subcommands = BankUserCommand.class)
public final class BankCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: conf/ebrelay.yaml if it exists)")
    private Path config;

    @Option(names = "--port", description = "port for /bank/api (default bank.port, 8090)")
    private Integer port;

    @Option(names = "--host", description = "address to listen on (default bank.host, 127.0.0.1)")
    private String host;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "data directory; the bank's H2 files go in DIR/bank (default ./data)")
    private Path dataDir;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "the bank's database instead of the H2 file")
    private String jdbcUrl;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StandaloneBank bank;
        try {
            bank = StandaloneBank.start(effectiveConfig(), Clock.systemUTC());
        } catch (StartupException | ConfigLoader.ConfigException e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bank.close();
            stopped.countDown();
        }, "ebrelay-bank-shutdown"));
        out.println("ebrelay bank serving " + bank.baseUri() + "/bank/api (Ctrl-C to stop)");
        out.flush();
        stopped.await();
        return 0;
    }

    GatewayConfig effectiveConfig() {
        Path file = config != null ? config : defaultConfigFile();
        GatewayConfig c = new ConfigLoader().load(file);
        GatewayConfig.Bank b = c.bank();
        GatewayConfig.Bank bank = new GatewayConfig.Bank(b.enabled(), b.url(), b.token(),
                jdbcUrl != null ? jdbcUrl : b.jdbcUrl(), b.user(), b.password(), host != null ? host : b.host(),
                port != null ? port : b.port(), b.shipInterval(), b.batchSize(), b.gapWait(), b.staleNodeAfter(),
                b.workLease(), b.housekeepingInterval(), b.autoResend(), b.retention());
        GatewayConfig.Storage storage = c.storage().withDataDir(dataDir != null ? dataDir : c.storage().dataDir());
        return c.withStorage(storage).withBank(bank);
    }

    private static Path defaultConfigFile() {
        Path conventional = Path.of("conf", "ebrelay.yaml");
        return conventional.toFile().isFile() ? conventional : null;
    }
}
