package org.ebrelay.boot.cli;

import org.ebrelay.app.PartyIds;
import org.ebrelay.boot.Gateway;
import org.ebrelay.boot.StartupException;
import org.ebrelay.boot.config.ConfigLoader;
import org.ebrelay.boot.config.GatewayConfig;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.cpa.PartyInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/** {@code ebrelay serve}: one gateway node in the foreground, until it is stopped (Ctrl-C or SIGTERM). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run one gateway node: the ebMS endpoint (/ebms), the REST API (/api), the SOAP API (/soap),",
                "/health and /metrics, with its H2 database in the data directory and the CPAs of the CPA folder.",
                "Options override the configuration file (conf/ebrelay.yaml when present; see docs/configuration.md)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:could not start (configuration, CPA or port problem)", "2:bad arguments"})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: conf/ebrelay.yaml if it exists)")
    private Path config;

    @Option(names = "--port", description = "port for /ebms, /api, /soap, /health, /metrics (default 8080)")
    private Integer port;

    @Option(names = "--admin-port", description = "move /api and /soap to this port")
    private Integer adminPort;

    @Option(names = "--host", description = "address to listen on (default 127.0.0.1)")
    private String host;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "data directory (default ./data)")
    private Path dataDir;

    @Option(names = "--cpa-dir", paramLabel = "DIR", description = "CPA folder (default ./cpa)")
    private Path cpaDir;

    @Option(names = "--party", paramLabel = "TYPE:VALUE",
            description = "a party this node acts for (repeatable); split at the last colon, ':VALUE' when untyped")
    private List<String> parties;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GatewayConfig effective;
        Gateway gateway;
        try {
            effective = effectiveConfig();
            gateway = Gateway.start(effective, Clock.systemUTC());
        } catch (StartupException | ConfigLoader.ConfigException e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "ebrelay-shutdown"));
        printBanner(out, gateway, effective);
        stopped.await();
        return 0;
    }

    GatewayConfig effectiveConfig() {
        Path file = config != null ? config : defaultConfigFile();
        GatewayConfig c = new ConfigLoader().load(file);
        GatewayConfig.Http http = new GatewayConfig.Http(host != null ? host : c.http().host(),
                port != null ? port : c.http().port(), adminPort != null ? adminPort : c.http().adminPort(),
                c.http().maxMessageBytes(), c.http().connectTimeout(), c.http().responseTimeout(), c.http().proxy(),
                c.http().schemaValidation());
        GatewayConfig.Storage storage = new GatewayConfig.Storage(dataDir != null ? dataDir : c.storage().dataDir(),
                c.storage().jdbcUrl(), c.storage().durability());
        GatewayConfig.Cpa cpa = new GatewayConfig.Cpa(cpaDir != null ? cpaDir : c.cpa().dir());
        GatewayConfig.Node node = new GatewayConfig.Node(c.node().id(),
                parties != null && !parties.isEmpty() ? parties : c.node().parties());
        return new GatewayConfig(node, http, storage, cpa, c.reliability(), c.delivery(), c.notifications(),
                c.pacing(), c.tls(), c.access());
    }

    private static Path defaultConfigFile() {
        Path conventional = Path.of("conf", "ebrelay.yaml");
        return conventional.toFile().isFile() ? conventional : null;
    }

    private static void printBanner(PrintWriter out, Gateway gateway, GatewayConfig config) {
        out.println("ebrelay node " + gateway.nodeId() + " is running");
        out.println("  ebMS endpoint : " + gateway.baseUri() + "/ebms");
        out.println("  REST API      : " + gateway.apiBaseUri() + "/api  (OpenAPI: /api/openapi.yaml)");
        out.println("  SOAP API      : " + gateway.apiBaseUri() + "/soap/submission?wsdl");
        out.println("  health/metrics: " + gateway.baseUri() + "/health, " + gateway.apiBaseUri() + "/metrics");
        out.println("  data          : " + config.storage().dataDir().toAbsolutePath());
        for (Agreement agreement : gateway.agreements().all()) {
            out.println("  CPA " + agreement.cpaId() + " (" + agreement.status().name().toLowerCase() + ", until "
                    + agreement.end() + "): " + agreement.parties().stream().map(ServeCommand::party)
                    .collect(Collectors.joining(" <-> ")));
        }
        out.println("Stop with Ctrl-C.");
        out.flush();
    }

    private static String party(PartyInfo party) {
        return party.partyName() + " [" + PartyIds.format(party.firstPartyId()) + "]";
    }
}
