package dev.trestle.support;

import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.SandboxSettings;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;

/**
 * A sandbox on a port of its own, for the packaged hub's tests (the production build holds no
 * sandbox): it runs in the test's JVM, from the sandbox module on the test classpath, so a test
 * can turn its knobs and read its request log while a {@link HubProcess} talks to it over HTTP.
 */
public final class SandboxProcess implements AutoCloseable {

    private final Vertx vertx;
    private final HttpServer server;
    private final Sandbox sandbox;

    private SandboxProcess(Vertx vertx, HttpServer server, Sandbox sandbox) {
        this.vertx = vertx;
        this.server = server;
        this.sandbox = sandbox;
    }

    public static SandboxProcess start(SandboxSettings settings) throws Exception {
        Vertx vertx = Vertx.vertx();
        Sandbox sandbox = new Sandbox(settings);
        Router root = Router.router(vertx);
        root.route("/sandbox*").subRouter(sandbox.router(vertx));
        HttpServer server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return new SandboxProcess(vertx, server, sandbox);
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    /** What the hub's connectors take as their base ({@code <base>/netsuite} and so on). */
    public String base() {
        return "http://127.0.0.1:" + server.actualPort() + "/sandbox";
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
