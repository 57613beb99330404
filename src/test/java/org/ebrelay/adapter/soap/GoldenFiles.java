package org.ebrelay.adapter.soap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the golden wire samples under src/test/resources/golden and fills in the ebms-core templates. */
final class GoldenFiles {
    static final Path ROOT = Path.of("src/test/resources/golden");
    private static final Pattern TEXT_PLACEHOLDER = Pattern.compile("\\[\\[\\$\\{(\\w+)}]]");
    private static final Pattern TYPE_ATTRIBUTE = Pattern.compile("th:eb:type=\"\\$\\{(\\w+)}\"");

    private GoldenFiles() {
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(ROOT.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String relative) {
        return new String(bytes(relative), StandardCharsets.UTF_8);
    }

    /**
     * A Thymeleaf template (samples 07, 08, 10) rendered with {@code values}: {@code [[${name}]]} becomes the
     * value and {@code th:eb:type="${name}"} becomes {@code eb:type="value"}. A name without a value fails the test.
     */
    static byte[] render(String relative, Map<String, String> values) {
        String rendered = replace(TYPE_ATTRIBUTE, text(relative), name -> "eb:type=\"" + value(values, name) + "\"");
        rendered = replace(TEXT_PLACEHOLDER, rendered, name -> value(values, name));
        return rendered.getBytes(StandardCharsets.UTF_8);
    }

    private static String value(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the template needs a value for " + name);
        }
        return value;
    }

    private static String replace(Pattern pattern, String text, java.util.function.UnaryOperator<String> valueOf) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(valueOf.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
