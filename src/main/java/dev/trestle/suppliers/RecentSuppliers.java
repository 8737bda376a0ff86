package dev.trestle.suppliers;

import dev.trestle.connectors.precoro.PrecoroConfig;
import dev.trestle.connectors.precoro.PrecoroPurchasing;
import dev.trestle.connectors.precoro.PrecoroSupplier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Precoro suppliers as people's reads see them: read live, and answered from that read for as long as Precoro
 * would refuse the same question again ({@code trestle.precoro.duplicate-window}, a minute). Without it, showing
 * the supplier list twice within a minute, or linking a supplier and unlinking it, would be refused (a person's
 * repeated GET is refused at once, see {@code PrecoroConnector#unrepeated}). A read in flight is shared by those
 * who ask meanwhile; a failed one is forgotten, so the next asker reads again (when Precoro lets it).
 *
 * <p>Per replica, in memory: a supplier list is at most a minute old, which is what Precoro lets anyone see.
 */
@ApplicationScoped
public class RecentSuppliers {

    private record Read<T>(Uni<T> answer, Instant askedAt) {
    }

    private final PrecoroPurchasing precoro;
    private final Clock clock;
    private final Duration window;
    private volatile Read<List<PrecoroSupplier>> list;
    private final Map<Long, Read<PrecoroSupplier>> single = new ConcurrentHashMap<>();

    RecentSuppliers(PrecoroPurchasing precoro, Clock clock, PrecoroConfig config) {
        this.precoro = precoro;
        this.clock = clock;
        this.window = config.duplicateWindow();
    }

    /** Every supplier, by id. */
    public synchronized Uni<List<PrecoroSupplier>> all() {
        Read<List<PrecoroSupplier>> recent = list;
        if (recent != null && fresh(recent)) {
            return recent.answer();
        }
        Read<List<PrecoroSupplier>> mine = new Read<>(precoro.suppliers().memoize().indefinitely(), clock.instant());
        list = mine;
        return mine.answer().onFailure().invoke(e -> forgetList(mine));
    }

    /** One supplier ({@code NOT_FOUND} when Precoro has none with this id): from a recent list, else read. */
    public Uni<PrecoroSupplier> one(long id) {
        Read<List<PrecoroSupplier>> recent = list;
        if (recent != null && fresh(recent)) {
            // A supplier the list does not have may have been created since: asked for on its own.
            return recent.answer().onFailure().recoverWithItem(List.of()).chain(all -> all.stream()
                    .filter(supplier -> supplier.id() == id).findFirst()
                    .map(supplier -> Uni.createFrom().item(supplier))
                    .orElseGet(() -> alone(id)));
        }
        return alone(id);
    }

    private synchronized Uni<PrecoroSupplier> alone(long id) {
        Read<PrecoroSupplier> recent = single.get(id);
        if (recent != null && fresh(recent)) {
            return recent.answer();
        }
        Read<PrecoroSupplier> mine = new Read<>(precoro.supplier(id).memoize().indefinitely(), clock.instant());
        single.put(id, mine);
        single.values().removeIf(read -> !fresh(read));
        return mine.answer().onFailure().invoke(e -> single.remove(id, mine));
    }

    /** Forgets every answer; for tests that start afresh with the sandbox (with {@code PrecoroConnector#forgetAsked}). */
    public synchronized void forget() {
        list = null;
        single.clear();
    }

    private synchronized void forgetList(Read<List<PrecoroSupplier>> failed) {
        if (list == failed) {
            list = null;
        }
    }

    private boolean fresh(Read<?> read) {
        return clock.instant().isBefore(read.askedAt().plus(window));
    }
}
