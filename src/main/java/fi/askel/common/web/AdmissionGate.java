package fi.askel.common.web;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * First come, first served: at most {@code askel.http.concurrent-requests} requests are worked on at once, and the
 * rest wait in arrival order, holding no thread and no database connection. Without it, 256 simultaneous requests
 * all reached the connection pool, which does not serve its waiters in order: the average wait was about a second,
 * yet some requests waited out the pool's 3 s and got 503 while later ones went ahead (README, "Capacity").
 * <p>
 * Admission happens before sign-in is checked (that needs a connection too). A request is let go when its response
 * headers are written, when the response ends or when its connection closes, whichever comes first: by then its
 * transaction has ended (one per request), and a slow download does not keep others waiting. A request that waits
 * longer than {@code askel.http.admission-wait} is answered 503 with Retry-After, in the person's language, by
 * {@link ProblemMapper} ({@link Overload}). Health checks, static files and the calls' WebSocket are not queued.
 */
@ApplicationScoped
public class AdmissionGate {

    /** Right after {@link SecurityHeaders}, so a refused request still carries the security headers. */
    static final int ORDER = SecurityHeaders.ORDER + 1;
    static final String WAITED_TOO_LONG = "askel.admission.waited-too-long";

    private final int limit;
    private final long waitMillis;
    private final AtomicInteger working = new AtomicInteger();
    private final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();

    AdmissionGate(HttpConfig config) {
        this.limit = config.concurrentRequests();
        this.waitMillis = config.admissionWait().toMillis();
    }

    void install(@Observes Router router) {
        if (limit > 0) {
            router.route().order(ORDER).handler(this::admit);
        }
    }

    /** Requests being worked on now, and requests waiting their turn (for the health check and tests). */
    public int working() {
        return working.get();
    }

    public int waiting() {
        return queue.size();
    }

    void admit(RoutingContext rc) {
        if (exempt(rc.request())) {
            rc.next();
            return;
        }
        if (queue.isEmpty() && tryEnter()) {
            enter(rc);
            return;
        }
        if (!rc.request().isEnded()) {
            rc.request().pause(); // a form's body waits in the connection's buffer until its request is let in
        }
        Waiting w = new Waiting(rc, Vertx.currentContext());
        queue.add(w);
        w.timer = rc.vertx().setTimer(waitMillis, id -> {
            if (w.claimed.compareAndSet(false, true)) {
                queue.remove(w);
                rc.put(WAITED_TOO_LONG, Boolean.TRUE);
                rc.next();
            }
        });
        drain();
    }

    /** Lets in as many waiting requests, oldest first, as there are free places. */
    private void drain() {
        while (!queue.isEmpty() && tryEnter()) {
            Waiting w = queue.poll();
            if (w == null || !w.claimed.compareAndSet(false, true)) {
                working.decrementAndGet();
                continue;
            }
            w.rc.vertx().cancelTimer(w.timer);
            w.context.runOnContext(v -> enter(w.rc));
        }
    }

    private boolean tryEnter() {
        for (int now = working.get(); now < limit; now = working.get()) {
            if (working.compareAndSet(now, now + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Runs on the request's own event loop, where its close and end events arrive, so none is missed. */
    private void enter(RoutingContext rc) {
        AtomicBoolean left = new AtomicBoolean();
        Handler<Void> leave = v -> {
            if (left.compareAndSet(false, true)) {
                working.decrementAndGet();
                drain();
            }
        };
        if (rc.response().closed() || rc.response().ended()) {
            leave.handle(null); // gave up while waiting
            return;
        }
        rc.addHeadersEndHandler(leave);
        rc.addEndHandler(result -> leave.handle(null));
        rc.next();
    }

    private static boolean exempt(HttpServerRequest request) {
        String path = request.path();
        return path == null || path.startsWith("/q/") || path.startsWith("/static/")
                || "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    }

    /** Refuses, before anything else is done for it, a request that waited longer than askel.http.admission-wait. */
    @ServerRequestFilter(preMatching = true)
    void refuseLateComers(RoutingContext rc) {
        if (rc.get(WAITED_TOO_LONG) != null) {
            throw new Overload.Busy();
        }
    }

    private static final class Waiting {
        final RoutingContext rc;
        final Context context;
        final AtomicBoolean claimed = new AtomicBoolean();
        volatile long timer;

        Waiting(RoutingContext rc, Context context) {
            this.rc = rc;
            this.context = context;
        }
    }
}
