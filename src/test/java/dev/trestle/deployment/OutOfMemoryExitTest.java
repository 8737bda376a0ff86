package dev.trestle.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.support.HubProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Out of memory ends the hub's process wherever it runs as in production, so that Kubernetes
 * restarts the container instead of keeping a replica whose threads died of OutOfMemoryError
 * while it still passes its probes. The Deployment's JAVA_OPTS_APPEND replaces the image's, so
 * both must carry the flag, and both size the heap from the container's memory limit.
 */
class OutOfMemoryExitTest {

    private static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";
    private static final String HEAP_SIZING = "-XX:MaxRAMPercentage=";

    @Test
    void theImageExitsOnOutOfMemory() throws IOException {
        List<String> values = matches(Path.of("src/main/docker/Dockerfile.jvm"),
                Pattern.compile("(?m)^ENV\\s+JAVA_OPTS_APPEND=\"([^\"]*)\""));
        assertEquals(1, values.size(), "one ENV JAVA_OPTS_APPEND in the Dockerfile: " + values);
        assertExitsAndSizesHeap("Dockerfile.jvm", values.get(0));
    }

    @Test
    void theKubernetesDeploymentExitsOnOutOfMemory() throws IOException {
        List<String> values = matches(Path.of("k8s/base/deployment.yaml"),
                Pattern.compile("(?m)^\\s*-\\s*name:\\s*JAVA_OPTS_APPEND\\s*\\n\\s*value:\\s*\"([^\"]*)\""));
        assertEquals(1, values.size(), "one JAVA_OPTS_APPEND env entry in the Deployment: " + values);
        assertExitsAndSizesHeap("k8s/base/deployment.yaml", values.get(0));
    }

    @Test
    void theBenchmarkedAndTestedHubsExitOnOutOfMemory() throws IOException {
        assertTrue(HubProcess.JVM_OPTIONS.contains(EXIT_ON_OOM), "HubProcess: " + HubProcess.JVM_OPTIONS);
        List<String> hubCommands = matches(Path.of("bench/lib.sh"),
                Pattern.compile("(?s)\\bjava ([^&]*?)-jar target/quarkus-app/quarkus-run\\.jar"));
        assertEquals(1, hubCommands.size(), "one hub command in bench/lib.sh: " + hubCommands);
        assertTrue(hubCommands.get(0).contains(EXIT_ON_OOM), "bench/lib.sh start_hub: " + hubCommands.get(0));
    }

    private static void assertExitsAndSizesHeap(String where, String javaOptions) {
        assertTrue(List.of(javaOptions.split("\\s+")).contains(EXIT_ON_OOM), where + ": " + javaOptions);
        assertTrue(javaOptions.contains(HEAP_SIZING), where + " sizes the heap from the memory limit: " + javaOptions);
    }

    private static List<String> matches(Path file, Pattern pattern) throws IOException {
        Matcher matcher = pattern.matcher(Files.readString(file));
        return matcher.results().map(result -> result.group(1)).toList();
    }
}
