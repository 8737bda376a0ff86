package dev.trestle.sandbox;

/** A failure the sandbox can inject into a response, either by chance (rates) or by script. */
public enum Fault {
    /** HTTP 500 with the simulated system's error body. */
    SERVER_ERROR,
    /** HTTP 429 with the simulated system's throttling body. */
    THROTTLE,
    /** The connection is closed without any response. */
    DROP_CONNECTION,
    /** HTTP 200 whose JSON body is cut off half way. */
    MALFORMED_BODY,
    /** No answer until the hang duration has passed (well beyond any sane client timeout), then the connection closes. */
    HANG,
    /**
     * The request is carried out (a write lands and later reads see it), then the connection is
     * closed without any response, so the client cannot know whether its write happened.
     */
    COMMIT_THEN_DROP,
    /**
     * The request is carried out, then no answer comes until the hang duration has passed (as
     * {@link #HANG}): the client times out not knowing that its write happened.
     */
    COMMIT_THEN_HANG
}
