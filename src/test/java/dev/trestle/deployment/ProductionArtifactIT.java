package dev.trestle.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The production build (target/quarkus-app, as {@code ./mvnw package} leaves it and the image
 * copies it) holds neither the sandbox nor the dev token endpoint: a deployment cannot serve a
 * fake NetSuite or mint tokens with the public dev key, whatever its configuration says.
 * The sandbox reaches dev mode and tests only as a {@code provided} dependency.
 */
class ProductionArtifactIT {

    private static final Path APP = Path.of("target", "quarkus-app");

    @Test
    void theProductionBuildHoldsNoSandboxAndNoDevTokenEndpoint() throws IOException {
        List<Path> jars = jars();
        List<String> found = new ArrayList<>();
        int classes = 0;
        boolean hubClassesSeen = false;
        for (Path jar : jars) {
            String name = APP.relativize(jar).toString();
            if (jar.getFileName().toString().contains("trestle-sandbox")) {
                found.add(name);
            }
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : zip.stream().toList()) {
                    String path = entry.getName();
                    if (!path.endsWith(".class")) {
                        continue;
                    }
                    classes++;
                    hubClassesSeen |= path.startsWith("dev/trestle/exports/");
                    // Generated classes (beans, observers, config mapping implementations, REST
                    // invokers) are named after the class they serve, so these catch them too.
                    if (path.contains("dev/trestle/sandbox/") || path.contains("DevTokenResource")) {
                        found.add(name + "!/" + path);
                    }
                }
            }
        }
        // Guard against passing on an empty or unexpected directory.
        assertTrue(jars.stream().anyMatch(jar -> jar.toString().endsWith("generated-bytecode.jar")),
                "target/quarkus-app/quarkus/generated-bytecode.jar is missing: " + jars);
        assertTrue(hubClassesSeen && classes > 1000, "the hub's own classes were not found in " + jars);
        assertEquals(List.of(), found, "the production build must not contain the sandbox or the dev token endpoint");
    }

    /** Every jar the production build runs from: quarkus-run.jar, app/, lib/boot, lib/main and quarkus/. */
    private static List<Path> jars() throws IOException {
        assertTrue(Files.isRegularFile(APP.resolve("quarkus-run.jar")), "no production build in " + APP.toAbsolutePath());
        try (Stream<Path> files = Files.walk(APP)) {
            return files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
