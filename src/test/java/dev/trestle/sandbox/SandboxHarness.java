package dev.trestle.sandbox;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** A sandbox on a plain Vert.x server on a random port, and an HTTP client that talks to it like a connector. */
public final class SandboxHarness implements AutoCloseable {

    public final Sandbox sandbox;
    public final TbaTestSigner signer = TbaTestSigner.demo();
    private final Vertx vertx;
    private final HttpServer server;
    public final HttpClient client = HttpClient.newBuilder()
            // Plain HTTP/1.1, as the connectors speak; the default h2c upgrade attempt only adds noise.
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    public final String base;

    public SandboxHarness() {
        this(SandboxSettings.defaults());
    }

    public SandboxHarness(SandboxSettings settings) {
        sandbox = new Sandbox(settings);
        vertx = Vertx.vertx();
        Router root = Router.router(vertx);
        root.route("/sandbox*").subRouter(sandbox.router(vertx));
        server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join();
        base = "http://127.0.0.1:" + server.actualPort() + "/sandbox";
    }

    public URI netsuiteUri(String pathAndQuery) {
        return URI.create(base + "/netsuite" + pathAndQuery);
    }

    public HttpRequest.Builder signed(String method, URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", signer.authorization(method, uri, UUID.randomUUID().toString(),
                        System.currentTimeMillis() / 1000));
    }

    public HttpResponse<String> netsuiteGet(String pathAndQuery) {
        URI uri = netsuiteUri(pathAndQuery);
        return send(signed("GET", uri).GET().build());
    }

    public HttpResponse<String> suiteQl(String q, String pagingQuery) {
        URI uri = netsuiteUri("/services/rest/query/v1/suiteql" + (pagingQuery == null ? "" : "?" + pagingQuery));
        return send(signed("POST", uri).header("Prefer", "transient").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("q", q).encode())).build());
    }

    public HttpRequest.Builder precoro(String pathAndQuery) {
        SandboxSettings s = sandbox.settings();
        return HttpRequest.newBuilder(URI.create(base + "/precoro" + pathAndQuery)).timeout(Duration.ofSeconds(10))
                .header("X-AUTH-TOKEN", s.precoroApiToken()).header("email", s.precoroEmail());
    }

    public HttpResponse<String> precoroGet(String pathAndQuery) {
        return send(precoro(pathAndQuery).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String q(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static JsonObject json(HttpResponse<String> response) {
        return new JsonObject(response.body());
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** Sends the request as plain HTTP/1.1 on a new socket; returns everything the server sent before closing. */
    public String rawExchange(java.net.http.HttpRequest request) throws IOException {
        java.net.URI uri = request.uri();
        StringBuilder head = new StringBuilder(request.method() + " " + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " HTTP/1.1\r\n");
        head.append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
        request.headers().map().forEach((name, values) -> values.forEach(
                value -> head.append(name).append(": ").append(value).append("\r\n")));
        head.append("Connection: close\r\n\r\n");
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(head.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        } catch (java.net.SocketException reset) {
            return "";
        }
    }
}
