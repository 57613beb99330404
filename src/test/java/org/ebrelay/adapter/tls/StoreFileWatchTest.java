package org.ebrelay.adapter.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFileWatchTest {
    @TempDir
    Path dir;
    final List<String> installed = new ArrayList<>();

    private StoreFileWatch<String> watch(Path file) {
        return new StoreFileWatch<>("test store", List.of(file), () -> {
            String text = Files.readString(file);
            if (text.startsWith("broken")) {
                throw new IOException("not a store");
            }
            return text;
        }, installed::add);
    }

    @Test
    void an_unchanged_file_is_not_read_again() throws Exception {
        Path file = Files.writeString(dir.resolve("store"), "v1");
        StoreFileWatch<String> watch = watch(file);

        assertThat(watch.checkNow()).isFalse();
        assertThat(installed).isEmpty();
    }

    @Test
    void a_changed_file_that_loads_is_installed_once() throws Exception {
        Path file = Files.writeString(dir.resolve("store"), "v1");
        StoreFileWatch<String> watch = watch(file);
        Files.writeString(file, "v2");

        assertThat(watch.checkNow()).isTrue();
        assertThat(watch.checkNow()).isFalse();
        assertThat(installed).containsExactly("v2");
    }

    @Test
    void a_broken_file_keeps_the_one_in_use_is_reported_once_and_a_good_one_after_it_is_installed() throws Exception {
        Path file = Files.writeString(dir.resolve("store"), "v1");
        StoreFileWatch<String> watch = watch(file);
        Files.writeString(file, "broken half-written");

        assertThat(watch.checkNow()).isFalse();
        assertThat(watch.problem()).contains("test store changed but cannot be used").contains("not a store");
        assertThat(watch.checkNow()).as("not read again until it changes").isFalse();
        Files.writeString(file, "v3");

        assertThat(watch.checkNow()).isTrue();
        assertThat(watch.problem()).isNull();
        assertThat(installed).containsExactly("v3");
    }

    @Test
    void a_file_that_is_gone_while_being_replaced_is_not_taken_for_a_renewal_that_loads() throws Exception {
        Path file = Files.writeString(dir.resolve("store"), "v1");
        StoreFileWatch<String> watch = new StoreFileWatch<>("test store", List.of(file),
                () -> Files.readString(file), installed::add);
        Files.delete(file);

        assertThat(watch.checkNow()).isFalse();
        assertThat(watch.problem()).isNotNull();
        assertThat(installed).isEmpty();
    }
}
