package fi.askel.privacy;

import fi.askel.common.web.ClientAddress;
import fi.askel.identity.Caller;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.hibernate.Session;

/**
 * The access log: every read or change of a client's data by someone other than the client. Features
 * call it right after their access check, one line each:
 *
 * <pre>
 * accessLog.record(caller, clientId, AccessKind.ANSWERS_READ);
 * accessLog.recordEach(caller, clientIdsShown, AccessKind.CLIENT_LIST);
 * </pre>
 *
 * The event joins the caller's transaction when there is one (a change that rolls back leaves no event);
 * otherwise it is committed before the method returns, so data is never handed out without its event,
 * and a failure to write fails the request. Events about the client themself are not written.
 */
@ApplicationScoped
public class AccessLog {

    private final EntityManager em;
    private final ClientAddress addresses;
    private final TransactionSynchronizationRegistry transactions;

    public AccessLog(EntityManager em, ClientAddress addresses, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.addresses = addresses;
        this.transactions = transactions;
    }

    @Transactional
    public void record(Caller actor, Long clientId, AccessKind what) {
        record(actor, clientId, what, what.defaultPurpose());
    }

    @Transactional
    public void record(Caller actor, Long clientId, AccessKind what, AccessPurpose why) {
        recordEach(actor, clientId == null ? List.of() : List.of(clientId), what, why);
    }

    /** One event per client, written in one statement (a list showing many clients). */
    @Transactional
    public void recordEach(Caller actor, Collection<Long> clientIds, AccessKind what) {
        recordEach(actor, clientIds, what, what.defaultPurpose());
    }

    @Transactional
    public void recordEach(Caller actor, Collection<Long> clientIds, AccessKind what, AccessPurpose why) {
        Objects.requireNonNull(actor, "an access needs an actor");
        Objects.requireNonNull(what, "an access needs a kind");
        Objects.requireNonNull(why, "an access needs a purpose");
        AccessRequestMemory memory = requestMemory();
        List<Long> clients = new ArrayList<>();
        for (Long clientId : new LinkedHashSet<>(clientIds)) {
            if (clientId == null || clientId.equals(actor.id())
                    || (memory != null && memory.alreadyTold(actor.id(), clientId, what))) {
                continue;
            }
            clients.add(clientId);
        }
        if (clients.isEmpty()) {
            return;
        }
        Origin origin = origin();
        List<AccessRecord.Draft> drafts = clients.stream().map(clientId -> new AccessRecord.Draft(actor.id(),
                cut(actor.username(), 64), cut(actor.displayName(), 120), actor.role().name(), clientId, what.name(),
                why.name(), origin.route(), origin.address())).toList();
        // One INSERT in the caller's transaction: no lock, no row shared with requests about other clients.
        // The sealer puts the events into the hash chain a few seconds after they commit (AccessSealer).
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        em.unwrap(Session.class).doWork(connection -> AccessChain.insert(connection, drafts, now));
        if (memory != null) {
            clients.forEach(c -> memory.remember(actor.id(), c, what));
            // A rollback takes the events with it; a later read in the same request must then write its own.
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status != Status.STATUS_COMMITTED) {
                        clients.forEach(c -> memory.forget(actor.id(), c, what));
                    }
                }
            });
        }
    }

    private record Origin(String route, String address) {}

    /** The request's method and path (no query: it may hold search words) and the address it came from. */
    private Origin origin() {
        if (!Arc.container().requestContext().isActive()) {
            return new Origin("(service)", null);
        }
        RoutingContext rc = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        if (rc == null) {
            return new Origin("(service)", null);
        }
        HttpServerRequest request = rc.request();
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().host();
        return new Origin(cut(request.method().name() + " " + request.path(), 255),
                cut(addresses.resolve(peer, request.getHeader("X-Forwarded-For")), 64));
    }

    private static AccessRequestMemory requestMemory() {
        return Arc.container().requestContext().isActive() ? Arc.container().instance(AccessRequestMemory.class).get() : null;
    }

    /** At most {@code max} characters as the database counts them (code points), never half a pair. */
    static String cut(String value, int max) {
        if (value == null || value.codePointCount(0, value.length()) <= max) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, max));
    }
}
