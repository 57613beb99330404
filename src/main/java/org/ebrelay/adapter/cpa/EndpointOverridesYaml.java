package org.ebrelay.adapter.cpa;

import org.ebrelay.app.cpa.OverridesFile;
import org.ebrelay.domain.cpa.EndpointOverrides;
import org.ebrelay.domain.message.CpaId;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The endpoint overrides file ({@code cpa.endpointOverridesFile}), in the shape of the {@code cpa.endpointOverrides}
 * section of conf/ebrelay.yaml:
 * <pre>
 * endpointOverrides:
 *   - {cpaId: null, from: "https://lab.example/ebms", to: "https://lab-test.example/ebms"}
 * </pre>
 * Read through SnakeYAML's node tree so that every problem carries its {@code FILE:LINE:COLUMN}.
 */
public final class EndpointOverridesYaml implements OverridesFile {
    private static final Set<String> KEYS = Set.of("cpaId", "from", "to");

    private final Path file;

    public EndpointOverridesYaml(Path file) {
        this.file = file;
    }

    @Override
    public Path path() {
        return file;
    }

    @Override
    public String checksum() {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public Read read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Read("", EndpointOverrides.NONE, List.of());
        } catch (IOException e) {
            return new Read("", null, List.of(file + ":1:1: cannot be read: " + e.getMessage()));
        }
        return parse(sha256(bytes), new String(bytes, StandardCharsets.UTF_8));
    }

    Read parse(String checksum, String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            return new Read(checksum, null, List.of(at(mark) + ": not valid YAML: " + e.getProblem()));
        } catch (RuntimeException e) {
            return new Read(checksum, null, List.of(file + ":1:1: not valid YAML: " + e.getMessage()));
        }
        if (root == null) {
            return new Read(checksum, EndpointOverrides.NONE, List.of());
        }
        List<String> problems = new ArrayList<>();
        List<EndpointOverrides.Mapping> mappings = new ArrayList<>();
        Node list = endpointOverrides(root, problems);
        if (list instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                mapping(item, problems).ifPresent(mappings::add);
            }
        } else if (list != null) {
            problems.add(at(list.getStartMark()) + ": endpointOverrides must be a list of {cpaId, from, to}");
        }
        return problems.isEmpty() ? new Read(checksum, new EndpointOverrides(mappings), List.of())
                : new Read(checksum, null, problems);
    }

    private Node endpointOverrides(Node root, List<String> problems) {
        if (!(root instanceof MappingNode map)) {
            problems.add(at(root.getStartMark()) + ": expected the key endpointOverrides");
            return null;
        }
        Node found = null;
        for (NodeTuple tuple : map.getValue()) {
            String key = scalar(tuple.getKeyNode());
            if ("endpointOverrides".equals(key)) {
                found = tuple.getValueNode();
            } else {
                problems.add(at(tuple.getKeyNode().getStartMark()) + ": unknown key '" + key
                        + "' (only endpointOverrides)");
            }
        }
        return found;
    }

    private Optional<EndpointOverrides.Mapping> mapping(Node item, List<String> problems) {
        if (!(item instanceof MappingNode map)) {
            problems.add(at(item.getStartMark()) + ": an override is {cpaId, from, to}");
            return Optional.empty();
        }
        Map<String, ScalarNode> values = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            String key = scalar(tuple.getKeyNode());
            if (!KEYS.contains(key) || !(tuple.getValueNode() instanceof ScalarNode value)) {
                problems.add(at(tuple.getKeyNode().getStartMark()) + ": unknown key or not a plain value '" + key
                        + "' (cpaId, from, to)");
            } else {
                values.put(key, value);
            }
        }
        int before = problems.size();
        URI from = url(values.get("from"), "from", item, problems);
        URI to = url(values.get("to"), "to", item, problems);
        if (to != null && !to.getScheme().startsWith("http")) {
            problems.add(at(values.get("to").getStartMark()) + ": 'to' must be an http(s) URL: " + to);
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        ScalarNode cpa = values.get("cpaId");
        String cpaId = cpa == null || isNull(cpa) ? null : cpa.getValue();
        return Optional.of(new EndpointOverrides.Mapping(cpaId == null ? null : CpaId.of(cpaId), from, to));
    }

    private URI url(ScalarNode value, String key, Node item, List<String> problems) {
        if (value == null || isNull(value) || value.getValue().isBlank()) {
            problems.add(at(item.getStartMark()) + ": '" + key + "' is required");
            return null;
        }
        try {
            URI uri = new URI(value.getValue().trim());
            if (!uri.isAbsolute()) {
                problems.add(at(value.getStartMark()) + ": '" + key + "' must be an absolute URL: " + uri);
                return null;
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            problems.add(at(value.getStartMark()) + ": '" + key + "' is not a URL: " + e.getMessage());
            return null;
        }
    }

    private static boolean isNull(ScalarNode node) {
        return node.getTag().getValue().endsWith(":null");
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : String.valueOf(node);
    }

    private String at(Mark mark) {
        return mark == null ? file + ":1:1" : file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
