package org.ebrelay.boot.cli;

import org.ebrelay.adapter.cpa.CpaFileLoader;
import org.ebrelay.adapter.cpa.CpaLoadResult;
import org.ebrelay.adapter.cpa.CpaProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ebrelay cpa check FILE...}: validates CPA files, one {@code FILE:LINE:COLUMN: message} line per problem. */
@Command(name = "check", mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = ExitCodes.INTERNAL_ERROR,
        description = {
                "Validate CPA files against the CPPA 2.0 schema and what an ebMS 2.0 gateway needs of them.",
                "Prints 'FILE: ok' for a valid file, else one 'FILE:LINE:COLUMN: message' line per problem.",
                "Warnings ('FILE:LINE:COLUMN: warning: message') do not make a file invalid."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file is valid", "1:at least one file has problems", "2:bad arguments",
                "3:internal error"})
public final class CpaCheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "CPA files to check")
    private List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CpaFileLoader loader = new CpaFileLoader();
        boolean allValid = true;
        for (Path file : files) {
            CpaLoadResult result = loader.load(file);
            for (CpaProblem warning : result.warnings()) {
                out.println(warningLine(warning));
            }
            if (result.isValid()) {
                out.println(file + ": ok");
                continue;
            }
            allValid = false;
            if (result.problems().isEmpty()) {
                out.println(file + ": invalid");
            }
            for (CpaProblem problem : result.problems()) {
                out.println(problem);
            }
        }
        out.flush();
        return allValid ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

    /** {@code FILE:LINE:COLUMN: warning: message}: the position first, so editors still jump to it. */
    static String warningLine(CpaProblem warning) {
        return warning.file() + ":" + warning.line() + ":" + warning.column() + ": warning: " + warning.message();
    }
}
