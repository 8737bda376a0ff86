package dev.trestle.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one {@link Sandbox} of the process; tests inject it to turn knobs and change data. */
@ApplicationScoped
public class SandboxProducer {

    @Produces
    @Singleton
    Sandbox sandbox(SandboxConfig config) {
        return new Sandbox(config.toSettings());
    }
}
