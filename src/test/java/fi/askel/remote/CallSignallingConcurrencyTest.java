package fi.askel.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fi.askel.support.Rehab;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many calls at once on one instance: ten calls whose twenty participants join at the same moment and then
 * all signal at the same time. Every message reaches the other participant of its own call, once, and no
 * one else: nothing crosses between calls however the joins and messages interleave.
 */
@QuarkusTest
class CallSignallingConcurrencyTest {

    private static final int CALLS = 10;
    private static final int MESSAGES = 20;

    @TestHTTPResource("/")
    URL base;

    /** One call: its participants' accounts and, once joined, their sockets (0 the specialist, 1 the client). */
    record Call(long id, Rehab.Team team, Signal[] sides) {}

    @Test
    void ten_calls_joined_at_once_each_message_reaches_only_the_other_participant_of_the_same_call() throws Exception {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            Rehab.Team team = Rehab.team();
            long id = Calls.book(team.specialist(), team.client().id(), Calls.in(Duration.ofMinutes(5)), 30, "Rinnakkain");
            calls.add(new Call(id, team, new Signal[2]));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2 * CALLS);
        try {
            List<Future<?>> joins = new ArrayList<>();
            for (Call call : calls) {
                joins.add(pool.submit(() -> call.sides()[0] = join(call, call.team().specialist().token(), "specialist")));
                joins.add(pool.submit(() -> call.sides()[1] = join(call, call.team().client().token(), "client")));
            }
            for (Future<?> join : joins) {
                join.get(60, TimeUnit.SECONDS);
            }
            // Each learns of the other, whichever came first: the later one's welcome says the other is there,
            // the earlier one hears that the other joined, always after its own welcome (a browser that heard
            // of the other before knowing who it is itself would set up nothing).
            for (Call call : calls) {
                int present = 0;
                for (Signal side : call.sides()) {
                    Map<String, Object> welcome = side.next("welcome");
                    if (Boolean.TRUE.equals(welcome.get("peerPresent"))) {
                        present++;
                    } else {
                        assertEquals("peer-joined", side.next().get("type"), side.who + " after " + welcome);
                    }
                }
                assertEquals(1, present, "call " + call.id() + ": exactly one joined second");
            }

            List<Future<?>> sends = new ArrayList<>();
            for (Call call : calls) {
                for (int s = 0; s < 2; s++) {
                    Signal side = call.sides()[s];
                    String from = side.who;
                    sends.add(pool.submit(() -> {
                        for (int m = 0; m < MESSAGES; m++) {
                            side.send(Map.of("type", "candidate", "candidate", Map.of("call", call.id(), "from", from, "n", m)));
                        }
                    }));
                }
            }
            for (Future<?> send : sends) {
                send.get(60, TimeUnit.SECONDS);
            }

            for (Call call : calls) {
                for (int s = 0; s < 2; s++) {
                    Signal side = call.sides()[s];
                    Signal other = call.sides()[1 - s];
                    for (int m = 0; m < MESSAGES; m++) {
                        Map<String, Object> message = side.next("candidate");
                        @SuppressWarnings("unchecked")
                        Map<String, Object> candidate = (Map<String, Object>) message.get("candidate");
                        assertEquals(call.id(), ((Number) candidate.get("call")).longValue(),
                                side.who + " of call " + call.id() + " received another call's message: " + message);
                        assertEquals(other.who, candidate.get("from"), side.who + " received " + message);
                        assertEquals(m, ((Number) candidate.get("n")).intValue(), side.who + ": in the order sent");
                        assertEquals(s == 0 ? "CLIENT" : "SPECIALIST", message.get("from"));
                    }
                }
            }
            // Nothing more for anyone. One shared window rather than one per socket: every message was sent
            // before it opens, so each socket gets as long for a stray message to arrive as expectNothing gives.
            long windowEnds = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(700);
            for (Call call : calls) {
                for (Signal side : call.sides()) {
                    long left = Math.max(0, windowEnds - System.nanoTime());
                    Map<String, Object> stray = side.received.poll(left, TimeUnit.NANOSECONDS);
                    assertNull(stray, side.who + " should have received nothing but got " + stray);
                }
            }
        } finally {
            pool.shutdownNow();
            for (Call call : calls) {
                for (Signal side : call.sides()) {
                    if (side != null) {
                        side.close();
                    }
                }
            }
        }
    }

    private Signal join(Call call, String token, String role) {
        return Signal.open(base, call.id(), token, role + " of call " + call.id());
    }
}
