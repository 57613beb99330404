package org.ebrelay.adapter.cpa;

import org.ebrelay.app.cpa.OverridesFile;
import org.ebrelay.domain.cpa.EndpointOverrides;
import org.ebrelay.domain.message.CpaId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointOverridesYamlTest {
    @TempDir
    Path dir;

    private OverridesFile.Read read(String yaml) throws Exception {
        Path file = dir.resolve("endpoint-overrides.yaml");
        Files.writeString(file, yaml);
        return new EndpointOverridesYaml(file).read();
    }

    @Test
    void aValidFileGivesItsMappingsWithTheChecksumOfWhatWasRead() throws Exception {
        OverridesFile.Read read = read("""
                endpointOverrides:
                  - {cpaId: null, from: "https://lab.example/ebms", to: "https://lab-test.example/ebms"}
                  - {cpaId: "urn:cpa:1", from: "https://lab.example/ebms", to: "http://10.0.0.9/ebms"}
                """);

        assertThat(read.isValid()).isTrue();
        assertThat(read.overrides().all()).containsExactly(
                new EndpointOverrides.Mapping(null, URI.create("https://lab.example/ebms"),
                        URI.create("https://lab-test.example/ebms")),
                new EndpointOverrides.Mapping(CpaId.of("urn:cpa:1"), URI.create("https://lab.example/ebms"),
                        URI.create("http://10.0.0.9/ebms")));
        assertThat(read.checksum()).isEqualTo(new EndpointOverridesYaml(dir.resolve("endpoint-overrides.yaml"))
                .checksum()).hasSize(64);
    }

    @Test
    void brokenYamlIsReportedWithItsFileLineAndColumn() throws Exception {
        OverridesFile.Read read = read("""
                endpointOverrides:
                  - {from: "https://lab.example/ebms", to: "https://lab-test.example/ebms"
                  - {from: x}
                """);

        assertThat(read.isValid()).isFalse();
        assertThat(read.problems()).singleElement().asString()
                .startsWith(dir.resolve("endpoint-overrides.yaml") + ":3:").contains("not valid YAML");
    }

    @Test
    void aRelativeUrlAMissingToAndAnUnknownKeyAreEachReportedAtTheirPlace() throws Exception {
        OverridesFile.Read read = read("""
                endpointOverrides:
                  - {from: "lab/ebms", to: "https://lab-test.example/ebms"}
                  - {from: "https://lab.example/ebms"}
                  - {from: "https://a.example/ebms", to: "https://b.example/ebms", too: 1}
                """);

        String file = dir.resolve("endpoint-overrides.yaml").toString();
        assertThat(read.isValid()).isFalse();
        assertThat(read.problems()).containsExactly(
                file + ":2:12: 'from' must be an absolute URL: lab/ebms",
                file + ":3:5: 'to' is required",
                file + ":4:68: unknown key or not a plain value 'too' (cpaId, from, to)");
    }

    @Test
    void aMissingOrEmptyFileHoldsNoMapping() throws Exception {
        assertThat(new EndpointOverridesYaml(dir.resolve("absent.yaml")).read().overrides().all()).isEmpty();
        assertThat(read("# nothing yet\n").overrides().all()).isEmpty();
        assertThat(read("endpointOverrides: []\n").overrides().all()).isEmpty();
    }
}
