package dev.trestle.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The packaged hub (target/quarkus-app) running as a process of its own, in its production
 * profile, against a sandbox on {@code sandboxBase} and the database {@link #DATABASE}: for
 * tests that kill a hub mid-work or run two of them. Tokens are signed with the dev key, which
 * these hubs are configured to trust. The production build holds no sandbox: the test runs it
 * (from the test classpath, where the sandbox module is) and passes its address.
 */
public final class HubProcess implements AutoCloseable {

    /**
     * The database the packaged hubs share: system property {@code trestle.it.db.name}, else the
     * environment's {@code TRESTLE_IT_DB_NAME}, else {@code trestle_it}, so that parallel runs on
     * one PostgreSQL need not share (and wipe) one database.
     */
    public static final String DATABASE = System.getProperty("trestle.it.db.name",
            System.getenv().getOrDefault("TRESTLE_IT_DB_NAME", "trestle_it"));

    /**
     * As in production (Dockerfile.jvm, k8s/base): out of memory ends the process, which its
     * supervisor then restarts, instead of leaving a hub that answers health checks but fails its work.
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final int port;
    private final Process process;

    private HubProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** Empties the packaged hubs' database; the next hub to start migrates it afresh. */
    public static void emptyDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://localhost:5432/" + DATABASE, "trestle", "trestle");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        }
    }

    public static HubProcess start(String name, String sandboxBase, String... systemProperties) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1"));
        command.addAll(List.of(systemProperties));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "it-" + name + ".log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("TRESTLE_DB_NAME", DATABASE);
        env.put("TRESTLE_AUTH_ISSUER", "https://trestle.dev/issuer");
        env.put("TRESTLE_AUTH_JWKS_URL", "config/dev-keys/public-key.pem");
        env.put("TRESTLE_AUTH_AUDIENCE", "trestle");
        env.put("TRESTLE_NETSUITE_BASE_URL", sandboxBase + "/netsuite");
        env.put("TRESTLE_NETSUITE_ACCOUNT_ID", "TSTDRV1234567");
        env.put("TRESTLE_NETSUITE_CONSUMER_KEY", "sandbox-consumer-key");
        env.put("TRESTLE_NETSUITE_CONSUMER_SECRET", "sandbox-consumer-secret");
        env.put("TRESTLE_NETSUITE_TOKEN_ID", "sandbox-token-id");
        env.put("TRESTLE_NETSUITE_TOKEN_SECRET", "sandbox-token-secret");
        env.put("TRESTLE_NETSUITE_SUBSIDIARY_ID", "1");
        env.put("TRESTLE_NETSUITE_PROJECT_PARENT_ID", "1500");
        env.put("TRESTLE_NETSUITE_COST_CODE_EXPENSE_ACCOUNT_ID", "58");
        env.put("TRESTLE_BILLS_RETAINAGE_ACCOUNT_ID", "27");
        env.put("TRESTLE_PROCORE_BASE_URL", sandboxBase + "/procore");
        env.put("TRESTLE_PROCORE_LOGIN_URL", sandboxBase + "/procore");
        env.put("TRESTLE_PROCORE_CLIENT_ID", "sandbox-procore-client-id");
        env.put("TRESTLE_PROCORE_CLIENT_SECRET", "sandbox-procore-client-secret");
        env.put("TRESTLE_PRECORO_WEBHOOK_TOKEN", "sandbox-precoro-webhook-token");
        env.put("TRESTLE_PROCORE_COMPANY_ID", "4264807");
        env.put("TRESTLE_PRECORO_BASE_URL", sandboxBase + "/precoro");
        env.put("TRESTLE_PRECORO_API_TOKEN", "sandbox-precoro-token");
        env.put("TRESTLE_PRECORO_EMAIL", "integration@trestle.dev");
        env.put("TRESTLE_EMPLOYEE_SYNC_CRON", "off");
        HubProcess hub = new HubProcess(name, port, builder.start());
        hub.awaitReady();
        return hub;
    }

    /** Kills the process at once, as a crash or an OOM kill would: no shutdown hooks run. */
    public void crash() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            crash();
        }
    }

    public String graphqlUrl() {
        return "http://127.0.0.1:" + port + "/graphql";
    }

    /** Runs a GraphQL operation as {@code user} with {@code roles}; fails on HTTP or GraphQL errors. */
    public JsonNode graphql(String user, List<String> roles, String query, Map<String, Object> variables) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(graphqlUrl()))
                .header("Authorization", "Bearer " + token(user, roles))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("query", query, "variables", variables))))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() != 200 || body.has("errors")) {
            throw new IllegalStateException(name + " answered " + response.statusCode() + ": " + response.body());
        }
        return body.get("data");
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("hub " + name + " exited; see target/it-" + name + ".log");
            }
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("hub " + name + " not ready within 60 s; see target/it-" + name + ".log");
    }

    public static String token(String user, List<String> roles) throws Exception {
        String pem = Files.readString(Path.of("config/dev-keys/private-key.pem"))
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        long now = Instant.now().getEpochSecond();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(JSON.writeValueAsBytes(Map.of("iss", "https://trestle.dev/issuer",
                "aud", "trestle", "sub", user, "upn", user, "groups", roles, "iat", now, "exp", now + 3600)));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + b64.encodeToString(rsa.sign());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
