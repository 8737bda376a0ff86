package dev.trestle.graphql;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trestle.sandbox.SandboxSettings;
import dev.trestle.support.HubProcess;
import dev.trestle.support.SandboxProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hub's GraphQL endpoint against the GraphQL-over-HTTP specification, as graphql-http's
 * {@code auditServer} (the spec's reference audit, src/test/graphql-http) checks it: on the
 * packaged production build, over real HTTP, with a viewer's token on every request. Every MUST
 * and every SHOULD has to pass; the MAYs are printed but not required.
 *
 * <p>Node and the audit's packages are part of the build (scripts/test runs {@code npm ci}); when
 * either is missing the test fails rather than skips, so a machine without them cannot pass.
 */
class GraphQLOverHttpAuditIT {

    private static final Path AUDIT_PROJECT = Path.of("src/test/graphql-http");
    private static final Path AUDIT_SCRIPT = AUDIT_PROJECT.resolve("audit.mjs");
    private static final Path INSTALLED = AUDIT_PROJECT.resolve("node_modules/graphql-http/package.json");
    private static final Path REPORT = Path.of("target/graphql-http-audit.json");
    private static final Path ERRORS = Path.of("target/graphql-http-audit.err");
    private static final String INSTALL = "npm ci --prefix src/test/graphql-http --no-audit --no-fund";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SandboxProcess sandbox;
    private static HubProcess hub;

    @BeforeAll
    static void startHub() throws Exception {
        requireNodeAndAudit();
        HubProcess.emptyDatabase();
        // The audit only asks for { __typename } and introspection, but the hub is configured
        // against a real sandbox, as in production it is against real tenants.
        sandbox = SandboxProcess.start(SandboxSettings.defaults());
        // The audit fires its 61 requests back to back as one caller: more than a person's burst, and not
        // what it is about (the caller limits have their own test).
        hub = HubProcess.start("graphql-http-audit", sandbox.base(),
                "-Dtrestle.graphql.callers.burst=1000");
    }

    @AfterAll
    static void stopHub() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void everyMustAndShouldOfTheGraphQLOverHttpAuditPasses() throws Exception {
        JsonNode report = runAudit(hub.graphqlUrl(), HubProcess.token("auditor", List.of("viewer")));
        List<String> failedMusts = new ArrayList<>();
        List<String> failedShoulds = new ArrayList<>();
        List<String> failedMays = new ArrayList<>();
        for (JsonNode audit : report.get("audits")) {
            if (audit.get("status").asText().equals("ok")) {
                continue;
            }
            String line = audit.get("id").asText() + " [" + audit.get("status").asText() + "] "
                    + audit.get("name").asText() + ": " + audit.get("reason").asText()
                    + " (got " + audit.at("/response/status").asText() + " "
                    + audit.at("/response/contentType").asText() + " " + audit.at("/response/body").asText() + ")";
            switch (audit.get("level").asText()) {
                case "MUST" -> failedMusts.add(line);
                case "SHOULD" -> failedShoulds.add(line);
                default -> failedMays.add(line);
            }
        }
        System.out.println("graphql-http " + report.get("graphqlHttpVersion").asText() + " audit of the hub, "
                + report.get("total").asInt() + " audits: " + report.get("counts") + " (full report: " + REPORT + ")");
        failedMusts.forEach(line -> System.out.println("  MUST   " + line));
        failedShoulds.forEach(line -> System.out.println("  SHOULD " + line));
        failedMays.forEach(line -> System.out.println("  MAY    " + line));

        assertTrue(report.get("total").asInt() > 0, "the audit ran no audits");
        assertAll(
                () -> assertTrue(failedMusts.isEmpty(), failedMusts.size() + " MUST audits failed:\n  "
                        + String.join("\n  ", failedMusts) + "\n"),
                () -> assertTrue(failedShoulds.isEmpty(), failedShoulds.size() + " SHOULD audits failed:\n  "
                        + String.join("\n  ", failedShoulds) + "\n"));
    }

    /** Runs audit.mjs and returns the JSON it printed; fails with its standard error when it could not run. */
    private static JsonNode runAudit(String url, String token) throws Exception {
        Files.createDirectories(REPORT.getParent());
        Process node = new ProcessBuilder("node", AUDIT_SCRIPT.toString(), url, token)
                .redirectOutput(REPORT.toFile())
                .redirectError(ERRORS.toFile())
                .start();
        if (!node.waitFor(120, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            fail("the graphql-http audit did not finish within 120 s; see " + ERRORS);
        }
        if (node.exitValue() != 0) {
            fail("the graphql-http audit exited with " + node.exitValue() + ":\n"
                    + Files.readString(ERRORS, StandardCharsets.UTF_8));
        }
        return JSON.readTree(REPORT.toFile());
    }

    private static void requireNodeAndAudit() throws InterruptedException {
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String out = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (version.waitFor() != 0) {
                fail("`node --version` exited with " + version.exitValue() + ": " + out);
            }
        } catch (IOException missing) {
            fail("node is not on the PATH (" + missing.getMessage() + "): the GraphQL-over-HTTP audit needs "
                    + "Node.js 18 or later, then `" + INSTALL + "`");
        }
        if (!Files.isRegularFile(INSTALLED)) {
            fail("graphql-http is not installed in " + AUDIT_PROJECT + ": run `" + INSTALL + "` (scripts/test does)");
        }
    }
}
