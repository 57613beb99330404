package org.ebrelay.adapter.cpa;

import org.ebrelay.adapter.xml.XmlSchemas;
import org.ebrelay.adapter.xml.XmlSchemas.Violation;
import org.ebrelay.domain.cpa.Agreement;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads and validates CPA files: read, schema-validate (hardened, with positions), then check what the
 * schema cannot (references, pairing of bindings, reliability and security terms) and build the
 * {@link Agreement}. Every problem points at a line and column of the file.
 */
public final class CpaFileLoader {
    /** CPAs are a few hundred kilobytes at most; anything far larger is not one. */
    static final long MAX_FILE_SIZE = 16L * 1024 * 1024;

    private final Clock clock;

    /** A loader that judges expiry against the system clock (for the command line). */
    public CpaFileLoader() {
        this(Clock.systemUTC());
    }

    /** @param clock the time expired agreements and certificates are judged against (warnings only) */
    public CpaFileLoader(Clock clock) {
        this.clock = clock;
    }

    /** Never throws for bad content: unreadable files, schema and semantic errors are problems. */
    public CpaLoadResult load(Path file) {
        try {
            return loadChecked(file);
        } catch (RuntimeException unexpected) {
            return failed(file, 1, 1, "the CPA could not be checked (" + unexpected + "); please report this");
        }
    }

    private CpaLoadResult loadChecked(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_SIZE) {
                return failed(file, 0, 0, "the file is larger than " + MAX_FILE_SIZE / (1024 * 1024)
                        + " MB; this is not a CPA");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return failed(file, 0, 0, "the file does not exist");
        } catch (AccessDeniedException e) {
            return failed(file, 0, 0, "the file cannot be read: permission denied");
        } catch (IOException e) {
            return failed(file, 0, 0, "the file cannot be read: " + e.getMessage());
        }
        return load(file, bytes);
    }

    /** Checks {@code bytes} as the content of {@code file} (read once by the caller, who keeps their checksum). */
    public CpaLoadResult load(Path file, byte[] bytes) {
        if (new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
            return failed(file, 1, 1, "the file is empty; a CPA is an XML document");
        }
        try {
            return validate(file, bytes);
        } catch (RuntimeException unexpected) {
            return failed(file, 1, 1, "the CPA could not be checked (" + unexpected + "); please report this");
        }
    }

    private CpaLoadResult validate(Path file, byte[] bytes) {
        SchemaMessages.Report schema = SchemaMessages.humanize(XmlSchemas.validate(XmlSchemas.cpa(), bytes));
        if (!schema.problems().isEmpty()) {
            return new CpaLoadResult(null, schema.problems().stream().map(v -> problem(file, v)).toList());
        }
        CpaDocument document;
        try {
            document = new CpaDocument(XmlTreeReader.read(bytes));
        } catch (SAXException | IOException e) {
            return failed(file, 1, 1, "the file cannot be parsed: " + e.getMessage());
        }
        Findings findings = new Findings(file);
        XmlNode root = document.root();
        if (!root.is("CollaborationProtocolAgreement")) {
            findings.error(root, "the document is a " + (root.is("CollaborationProtocolProfile")
                    ? "CollaborationProtocolProfile (one party's profile), not an agreement"
                    : root.localName() + " element, not a CollaborationProtocolAgreement")
                    + "; ebrelay needs the CPA both parties agreed on");
            return new CpaLoadResult(null, findings.errors());
        }
        for (CpaCheck check : checks(clock.instant())) {
            check.check(document, findings);
        }
        if (!findings.hasErrors()) {
            schema.danglingReferences().forEach(v -> findings.error(v.line(), v.column(), v.message()));
        }
        if (findings.hasErrors()) {
            return new CpaLoadResult(null, findings.errors(), findings.warnings());
        }
        try {
            return new CpaLoadResult(AgreementMapper.map(document), List.of(), findings.warnings());
        } catch (IllegalArgumentException | NoSuchElementException e) {
            findings.error(document.root(), "the agreement is inconsistent: " + e.getMessage());
            return new CpaLoadResult(null, findings.errors(), findings.warnings());
        }
    }

    private static List<CpaCheck> checks(Instant now) {
        return List.of(new AgreementChecks(now), new ReferenceChecks(), new BindingChecks(),
                new ReliabilityChecks(), new EndpointChecks(), new SigningChecks(), new CertificateChecks(now));
    }

    private static CpaProblem problem(Path file, Violation violation) {
        return new CpaProblem(file, violation.line(), violation.column(), violation.message());
    }

    private static CpaLoadResult failed(Path file, int line, int column, String message) {
        return new CpaLoadResult(null, List.of(new CpaProblem(file, line, column, message)));
    }
}
