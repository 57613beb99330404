package org.ebrelay.adapter.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/openapi.yaml is hand-written: this keeps it and the resources describing the same operations. */
class OpenApiDocumentTest {
    private static final List<Class<?>> RESOURCES =
            List.of(MessagesResource.class, InboxResource.class, NoticesResource.class, PartnerResource.class,
                    OpenApiResource.class, CpaResource.class, OrderingResource.class);

    @Test
    void everyResourceMethodIsDocumentedAndEveryDocumentedOperationExists() throws IOException {
        Set<String> documented = documentedOperations(Files.readAllLines(java.nio.file.Path.of("docs/openapi.yaml")));

        Set<String> implemented = implementedOperations();

        assertThat(implemented).contains("post /messages", "get /messages/{id}", "post /inbox/{deliveryId}/confirm",
                "post /messages/{id}/resend", "post /messages/{id}/abandon", "post /notices/{noticeId}/confirm");
        assertThat(documented).containsExactlyInAnyOrderElementsOf(implemented);
    }

    private static Set<String> implementedOperations() {
        Set<String> operations = new HashSet<>();
        operations.add(SubmissionHandler.OPERATION.toLowerCase(java.util.Locale.ROOT)); // served by Jetty, not JAX-RS
        for (Class<?> resource : RESOURCES) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                String verb = method.isAnnotationPresent(GET.class) ? "get"
                        : method.isAnnotationPresent(POST.class) ? "post" : null;
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    String path = join(base, sub == null ? "" : sub.value());
                    operations.add(verb + " " + path);
                }
            }
        }
        return operations;
    }

    /** "get /messages/{id}" for each operation under paths: (two-space path keys, four-space method keys). */
    private static Set<String> documentedOperations(List<String> lines) {
        Set<String> operations = new HashSet<>();
        boolean inPaths = false;
        String path = null;
        for (String line : lines) {
            if (!line.startsWith(" ")) {
                inPaths = line.startsWith("paths:");
            } else if (inPaths && line.matches("  /\\S*:\\s*")) {
                path = line.strip().replaceAll(":$", "");
            } else if (inPaths && line.matches("    (get|post|put|delete|patch):\\s*")) {
                operations.add(line.strip().replaceAll(":$", "") + " " + path);
            }
        }
        return operations;
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
