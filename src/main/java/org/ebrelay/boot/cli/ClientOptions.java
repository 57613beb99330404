package org.ebrelay.boot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;

/** The options every client command takes: which node, the token, JSON output. */
public final class ClientOptions {
    /** The environment variable read when {@code --token} is not given. */
    public static final String TOKEN_VARIABLE = "EBRELAY_TOKEN";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--node", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "The node's URL (default: ${DEFAULT-VALUE}).")
    URI node;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Sent as 'Authorization: Bearer TOKEN' (default: the " + TOKEN_VARIABLE + " variable).")
    String token;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait for the node's answer (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** Where the token comes from when --token is absent; replaced in tests. */
    Function<String, String> environment = System::getenv;

    NodeClient client(ObjectMapper mapper) {
        String scheme = node.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || node.getHost() == null) {
            throw new ParameterException(mixee.commandLine(), "--node must be an http(s) URL, not '" + node + "'");
        }
        if (timeoutSeconds < 1) {
            throw new ParameterException(mixee.commandLine(), "--timeout must be at least 1 second");
        }
        String bearer = token != null ? token : environment.apply(TOKEN_VARIABLE);
        return new NodeClient(node, bearer, Duration.ofSeconds(timeoutSeconds), mapper);
    }
}
