package dev.trestle.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The lifecycle every sandbox test over real HTTP shares: one harness a class, a clean sandbox for
 * each test. The field is static so that the server starts once a class rather than once a test;
 * the classes run one after another, so they do not share it.
 */
public abstract class SandboxHarnessTest {

    protected static SandboxHarness harness;

    @BeforeAll
    static void startSandbox() {
        harness = new SandboxHarness();
    }

    @AfterAll
    static void stopSandbox() {
        harness.close();
    }

    @BeforeEach
    void resetSandbox() {
        harness.sandbox.reset();
    }
}
