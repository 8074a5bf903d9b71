package fi.askel.privacy;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the access log already holds for the request being answered: one event per client and kind
 * (or a kind that {@link AccessKind#covers covers} it) is enough, however many services a page reads through.
 */
@RequestScoped
@Unremovable
public class AccessRequestMemory {

    private final Map<String, Set<AccessKind>> recorded = new HashMap<>();

    boolean alreadyTold(long actorId, long clientId, AccessKind kind) {
        return recorded.getOrDefault(actorId + ":" + clientId, Set.of()).stream().anyMatch(k -> k.covers(kind));
    }

    void remember(long actorId, long clientId, AccessKind kind) {
        recorded.computeIfAbsent(actorId + ":" + clientId, k -> new HashSet<>()).add(kind);
    }

    void forget(long actorId, long clientId, AccessKind kind) {
        Set<AccessKind> kinds = recorded.get(actorId + ":" + clientId);
        if (kinds != null) {
            kinds.remove(kind);
        }
    }
}
