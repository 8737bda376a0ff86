package dev.trestle.common;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * How the hub reaches its database: every unit of work gets a session of its own.
 *
 * <p>Why not the session bound to the Vert.x context: GraphQL resolves sibling fields
 * concurrently on one context, and a Hibernate Reactive session must never be used by two
 * operations at once. A session per unit of work keeps resolvers independent; it costs one
 * pooled connection each, which is what concurrent resolvers need anyway.
 */
@ApplicationScoped
public class Db {

    private final Mutiny.SessionFactory sessions;

    public Db(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** Reads without a transaction and without a persistence context. */
    public <T> Uni<T> read(Function<Mutiny.StatelessSession, Uni<T>> work) {
        return sessions.openStatelessSession()
                .chain(session -> work.apply(session).eventually(session::close));
    }

    /** Runs {@code work} in one transaction with a stateful session (dirty checking). */
    public <T> Uni<T> transaction(Function<Mutiny.Session, Uni<T>> work) {
        return sessions.openSession()
                .chain(session -> session.withTransaction(tx -> work.apply(session))
                        .eventually(session::close));
    }
}
