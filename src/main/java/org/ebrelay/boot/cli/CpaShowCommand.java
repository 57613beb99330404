package org.ebrelay.boot.cli;

import org.ebrelay.adapter.cpa.AgreementSummary;
import org.ebrelay.adapter.cpa.CpaFileLoader;
import org.ebrelay.adapter.cpa.CpaLoadResult;
import org.ebrelay.boot.CpaAdminSetup;
import org.ebrelay.boot.config.ConfigLoader;
import org.ebrelay.domain.cpa.EndpointOverrides;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ebrelay cpa show FILE}: prints what a valid CPA agrees, as the gateway will read it. */
@Command(name = "show", mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = ExitCodes.INTERNAL_ERROR,
        description = "Print a readable summary of a CPA: parties, roles, services and actions, "
                + "delivery channels, endpoints, reliability and security terms.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "1:the file has problems (printed on standard error)", "2:bad arguments",
                "3:internal error"})
public final class CpaShowCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the CPA file")
    private Path file;

    @Option(names = "--config", paramLabel = "YAML",
            description = "also show the endpoint overrides (cpa.endpointOverrides) of this configuration")
    private Path config;

    @Override
    public Integer call() {
        CpaLoadResult result = new CpaFileLoader().load(file);
        if (!result.isValid()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(file + ": not shown, the CPA has problems:");
            result.problems().forEach(err::println);
            err.flush();
            return ExitCodes.PROBLEMS;
        }
        EndpointOverrides overrides = EndpointOverrides.NONE;
        if (config != null) {
            List<String> problems = new ArrayList<>();
            overrides = CpaAdminSetup.overridesInForce(new ConfigLoader().load(config).cpa(), problems);
            if (!problems.isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                problems.forEach(err::println);
                err.flush();
                return ExitCodes.PROBLEMS;
            }
        }
        String summary = AgreementSummary.describe(result.agreement(), overrides);
        PrintWriter out = spec.commandLine().getOut();
        out.print(summary.endsWith("\n") ? summary : summary + "\n");
        out.flush();
        return ExitCodes.OK;
    }
}
