package org.ebrelay.app.cpa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shipped demo CPA as text, edited one term at a time, written into a CPA folder. */
final class CpaFixture {
    static final String CPA_ID = "urn:ebrelay:demo:cpa:hospital-lab:1";
    static final String LAB_ENDPOINT = "http://127.0.0.1:8082/ebms";
    static final String FILE = "demo-hospital-lab.xml";

    private final String xml;

    private CpaFixture(String xml) {
        this.xml = xml;
    }

    static CpaFixture demo() {
        try {
            return new CpaFixture(Files.readString(Path.of("cpa", FILE), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CpaFixture replace(String what, String with) {
        if (!xml.contains(what)) {
            throw new IllegalStateException("the demo CPA does not contain " + what);
        }
        return new CpaFixture(xml.replace(what, with));
    }

    CpaFixture retryInterval(String interval) {
        return replace("<tns:RetryInterval>PT2S</tns:RetryInterval>",
                "<tns:RetryInterval>" + interval + "</tns:RetryInterval>");
    }

    CpaFixture end(String end) {
        return replace("<tns:End>2031-11-19T00:00:00Z</tns:End>", "<tns:End>" + end + "</tns:End>");
    }

    String xml() {
        return xml;
    }

    /** The 1-based line of the first occurrence of {@code text}. */
    int lineOf(String text) {
        int at = xml.indexOf(text);
        if (at < 0) {
            throw new IllegalStateException("not in the CPA: " + text);
        }
        return (int) xml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    Path writeInto(Path dir) {
        return writeInto(dir, FILE);
    }

    Path writeInto(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
