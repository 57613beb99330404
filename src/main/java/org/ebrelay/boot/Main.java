package org.ebrelay.boot;

import org.ebrelay.boot.cli.BenchCommand;
import org.ebrelay.boot.cli.ClientCommands;
import org.ebrelay.boot.cli.CpaCommand;
import org.ebrelay.boot.cli.DemoCommand;
import org.ebrelay.boot.cli.InspectCommand;
import org.ebrelay.boot.cli.BankCommand;
import org.ebrelay.boot.cli.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The {@code ebrelay} command line: an ebMS 2.0 gateway for HL7, and its tools. */
@Command(name = "ebrelay", mixinStandardHelpOptions = true, versionProvider = Main.JarVersion.class,
        scope = CommandLine.ScopeType.INHERIT,
        description = "ebrelay: an ebXML Message Service 2.0 gateway for HL7, driven by CPAs.",
        subcommands = {ServeCommand.class, BankCommand.class, DemoCommand.class, BenchCommand.class, InspectCommand.class, CpaCommand.class,
                HelpCommand.class})
public final class Main implements Runnable {
    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The whole command tree: the local tools and the client commands that talk to a running node. */
    public static CommandLine commandLine() {
        return ClientCommands.addTo(new CommandLine(new Main()));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: see ebrelay --help");
    }

    /** The version from the jar (manifest, else Maven's pom.properties); "dev" when run from classes. */
    static final class JarVersion implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ebrelay " + version()};
        }

        static String version() {
            String fromManifest = Main.class.getPackage().getImplementationVersion();
            if (fromManifest != null) {
                return fromManifest;
            }
            try (InputStream in = Main.class.getResourceAsStream("/META-INF/maven/org.ebrelay/ebrelay/pom.properties")) {
                if (in != null) {
                    Properties pom = new Properties();
                    pom.load(in);
                    return pom.getProperty("version", "dev");
                }
            } catch (IOException e) {
                // fall through: an unreadable jar entry is no reason to fail --version
            }
            return "dev";
        }
    }
}
