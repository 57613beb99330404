package org.ebrelay.boot.cli;

import org.ebrelay.adapter.bank.BankDatabase;
import org.ebrelay.app.portal.AccountProblem;
import org.ebrelay.app.portal.PortalUser;
import org.ebrelay.app.portal.Role;
import org.ebrelay.app.portal.UserAccounts;
import org.ebrelay.boot.PortalAdmin;
import org.ebrelay.boot.StartupException;
import org.ebrelay.boot.config.ConfigLoader;
import org.ebrelay.boot.config.GatewayConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/**
 * {@code ebrelay bank user add|list}: portal users in the bank's database, e.g. the first admin. Works on the
 * database directly: with the default H2 file, run it while the bank (or the node hosting it) is stopped; later
 * users are easier to add in the portal.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = {"Add or list Message Bank portal users (roles: viewer, operator, admin).",
                "The password is read from --password-file, from the console, or from standard input."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:refused (name taken, weak password, database in use)", "2:bad arguments"})
public final class BankUserCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "add or list")
    private String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "the user to add")
    private String name;

    @Option(names = "--role", defaultValue = "viewer", description = "viewer, operator or admin (default viewer)")
    private String role;

    @Option(names = "--password-file", paramLabel = "FILE", description = "read the password from this file (first line)")
    private Path passwordFile;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: conf/ebrelay.yaml if it exists)")
    private Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "data directory holding bank/ (default ./data)")
    private Path dataDir;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        try {
            GatewayConfig c = new ConfigLoader().load(config != null ? config : defaultConfigFile());
            Path data = dataDir != null ? dataDir : c.storage().dataDir();
            try (BankDatabase database = PortalAdmin.openBankDatabase(c, data)) {
                UserAccounts accounts = PortalAdmin.accounts(c, database.dataSource(), Clock.systemUTC());
                if ("list".equals(action)) {
                    for (PortalUser user : accounts.list()) {
                        out.println(user.name() + " " + user.role().code() + (user.enabled() ? "" : " (disabled)"));
                    }
                    return 0;
                }
                if (!"add".equals(action) || name == null) {
                    err.println("use: ebrelay bank user add NAME --role ROLE, or ebrelay bank user list");
                    return 2;
                }
                accounts.add("cli", name, Role.parse(role), password());
                out.println("added " + name + " (" + Role.parse(role).code() + ")");
                return 0;
            }
        } catch (AccountProblem | IllegalArgumentException | StartupException | ConfigLoader.ConfigException e) {
            err.println(e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("cannot open the bank's database (is the bank running? stop it first): " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private char[] password() {
        try {
            if (passwordFile != null) {
                String line = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
                return line.toCharArray();
            }
            Console console = System.console();
            if (console != null) {
                return console.readPassword("Password for %s: ", name);
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? new char[0] : line.toCharArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the password: " + e.getMessage());
        }
    }

    private static Path defaultConfigFile() {
        Path conventional = Path.of("conf", "ebrelay.yaml");
        return conventional.toFile().isFile() ? conventional : null;
    }
}
