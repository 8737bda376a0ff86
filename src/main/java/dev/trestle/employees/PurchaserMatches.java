package dev.trestle.employees;

import dev.trestle.common.Db;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The employee sync's mapping of the Precoro users who are documents' purchasers: a Precoro document sent to
 * NetSuite carries the NetSuite employee matched to its purchaser, or none.
 */
@ApplicationScoped
public class PurchaserMatches {

    private final Db db;

    PurchaserMatches(Db db) {
        this.db = db;
    }

    /** The mappings of these Precoro users, by user id; a user the sync has not seen yet is absent. */
    public Uni<Map<Long, EmployeeMapping>> of(Collection<Long> precoroUserIds) {
        if (precoroUserIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Long> ids = List.copyOf(precoroUserIds);
        return db.read(session -> session.createSelectionQuery(
                        "from EmployeeMapping m where m.precoroUserId in :ids", EmployeeMapping.class)
                .setParameter("ids", ids)
                .getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(m -> m.precoroUserId, Function.identity())));
    }
}
