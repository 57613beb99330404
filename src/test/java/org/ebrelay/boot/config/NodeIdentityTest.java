package org.ebrelay.boot.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeIdentityTest {
    @TempDir
    Path dataDir;

    @Test
    void aGeneratedIdIsKeptAcrossRestarts() {
        String first = NodeIdentity.resolve(null, dataDir);
        assertThat(NodeIdentity.resolve(null, dataDir)).isEqualTo(first);
        assertThat(first).startsWith("node-");
    }

    @Test
    void twoDataDirectoriesNeverShareAnId(@TempDir Path other) {
        assertThat(NodeIdentity.resolve(null, dataDir)).isNotEqualTo(NodeIdentity.resolve(null, other));
    }

    @Test
    void aConfiguredIdIsKeptAndMustNotChangeForTheSameData() {
        assertThat(NodeIdentity.resolve("hospital-1", dataDir)).isEqualTo("hospital-1");
        assertThat(NodeIdentity.resolve(null, dataDir)).isEqualTo("hospital-1");
        assertThatThrownBy(() -> NodeIdentity.resolve("hospital-2", dataDir))
                .hasMessageContaining("differs from the id 'hospital-1'");
    }

    @Test
    void anIdWithSpacesOrSlashesIsRefused() {
        assertThatThrownBy(() -> NodeIdentity.resolve("a b/c", dataDir)).hasMessageContaining("must be");
    }
}
