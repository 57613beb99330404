package org.ebrelay.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One file of the hostile-input corpus ({@code src/test/resources/hostile/NN-name.http}): comment lines saying what
 * it is ({@code # what:}) and what the node must answer ({@code # expect: fault CODE | error CODE | status N}),
 * HTTP headers, a blank line and the body. Line ends of the body become CRLF (MIME); {@code ${ID}}, {@code ${NOW}},
 * {@code ${PAST}} (a minute ago) and {@code ${OLD}} (two hours ago) are filled in when it is posted.
 */
record HostileCase(String name, String what, String expectKind, String expectValue, Map<String, String> headers,
                   String body) {
    static final Path DIR = Path.of("src", "test", "resources", "hostile");

    static List<HostileCase> all() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".http")).sorted().map(HostileCase::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HostileCase read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int split = text.indexOf("\n\n");
            String[] head = text.substring(0, split).split("\n");
            String what = "";
            String[] expect = {"", ""};
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : head) {
                if (line.startsWith("# what: ")) {
                    what = line.substring(8);
                } else if (line.startsWith("# expect: ")) {
                    expect = line.substring(10).split(" ", 2);
                } else {
                    int colon = line.indexOf(':');
                    headers.put(line.substring(0, colon), line.substring(colon + 1).strip());
                }
            }
            String name = file.getFileName().toString().replace(".http", "");
            return new HostileCase(name, what, expect[0], expect[1], headers,
                    text.substring(split + 2).replace("\n", "\r\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body with its placeholders filled in for a message with this id, received about {@code now}. */
    byte[] body(String id, Instant now) {
        return body.replace("${ID}", id).replace("${NOW}", now.toString())
                .replace("${PAST}", now.minusSeconds(60).toString())
                .replace("${OLD}", now.minusSeconds(7200).toString()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return name + " (" + what + ")";
    }
}
