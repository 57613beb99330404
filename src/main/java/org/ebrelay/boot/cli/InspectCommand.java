package org.ebrelay.boot.cli;

import org.ebrelay.adapter.hl7.Hl7MessageIds;
import org.ebrelay.app.port.out.Decoded;
import org.ebrelay.adapter.soap.EbmsDecoder;
import org.ebrelay.adapter.soap.WireInputs;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.ErrorCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ebrelay inspect FILE [--json]}: decodes a stored message and says what it is and what is wrong with it. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = ExitCodes.INTERNAL_ERROR,
        description = {
                "Decode a stored ebXML message and report what it is and what is wrong with it.",
                "FILE is an HTTP request dump, a MIME entity (headers then body, or starting at the first "
                        + "boundary) or a bare SOAP envelope."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:well formed and valid (warnings allowed; a valid MessageError carrying errors is valid)",
                "1:readable, but problems of severity Error were found",
                "2:unreadable (not an ebXML message, or the file cannot be read), or bad arguments",
                "3:internal error"})
public final class InspectCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the stored message")
    private Path file;

    @Option(names = "--json", description = "print one JSON object instead of the readable report")
    private boolean json;

    @Override
    public Integer call() {
        Decoded decoded;
        try {
            decoded = new EbmsDecoder().decode(WireInputs.read(Files.readAllBytes(file)));
        } catch (IOException e) {
            spec.commandLine().getErr().println("ebrelay inspect: cannot read " + file + ": " + describe(e));
            decoded = new Decoded(null, null, List.of(EbmsError.error(ErrorCode.UNKNOWN, file.toString(),
                    "cannot read the file: " + describe(e))));
            if (!json) {
                return ExitCodes.UNREADABLE;
            }
        }
        InspectReport report = InspectReport.from(decoded, new Hl7MessageIds());
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? InspectJson.render(report) + "\n" : InspectText.render(report));
        out.flush();
        return exitCode(decoded);
    }

    /** 0 when valid, 1 when readable with errors, 2 when unreadable. */
    static int exitCode(Decoded decoded) {
        if (!decoded.isReadable()) {
            return ExitCodes.UNREADABLE;
        }
        return decoded.isValid() ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
