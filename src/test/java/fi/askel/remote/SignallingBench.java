package fi.askel.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.askel.support.Api;
import fi.askel.support.Rehab;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A small load check of the call signalling, not part of the test run (no {@code Test} in the name): {@code
 * bench.pairs} calls (default 20), each a specialist and a client on a real WebSocket to this service, every
 * client sending {@code bench.messages} (default 100) ICE-candidate-sized messages {@code bench.interval-ms} (20)
 * apart, all pairs at once; prints how long the sockets took to open and how long a message took from one
 * browser's socket to the other's (p50/p95/p99/max). Run:
 * {@code ./mvnw -q test -Dtest=SignallingBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.pairs=50}.
 * It runs against the service the test starts (embedded MariaDB, one instance), sender and receiver in one JVM,
 * so the clocks agree; the numbers are for comparing changes on one machine, not a capacity promise.
 */
@QuarkusTest
class SignallingBench {

    @TestHTTPResource("/")
    URL base;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** About the size of a real ICE candidate message. */
    private static final String PADDING = "x".repeat(160);

    /** A socket that counts down on the message types it waits for and records each relayed candidate's latency. */
    static final class Side implements WebSocket.Listener {
        final CountDownLatch welcome = new CountDownLatch(1);
        final CountDownLatch peerJoined = new CountDownLatch(1);
        final ConcurrentLinkedQueue<Long> latenciesNanos;
        final CountDownLatch received;
        private final StringBuilder partial = new StringBuilder();
        /** The types of the messages seen, for saying what happened when a pair does not meet. */
        final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        WebSocket socket;

        Side(ConcurrentLinkedQueue<Long> latenciesNanos, CountDownLatch received) {
            this.latenciesNanos = latenciesNanos;
            this.received = received;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                try {
                    JsonNode m = JSON.readTree(partial.toString());
                    if (seen.size() < 20) {
                        seen.add(m.path("type").asText() + (m.has("reason") ? ":" + m.path("reason").asText() : ""));
                    }
                    switch (m.path("type").asText()) {
                        case "welcome" -> welcome.countDown();
                        case "peer-joined" -> peerJoined.countDown();
                        case "candidate" -> {
                            latenciesNanos.add(now - m.path("candidate").path("sentAt").asLong());
                            received.countDown();
                        }
                        default -> { }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            seen.add("closed " + statusCode + " " + reason);
            return null;
        }
    }

    private static int setting(String name, int fallback) {
        return Integer.getInteger(name, fallback);
    }

    @Test
    void relay_latency_under_many_calls() throws Exception {
        int pairs = setting("bench.pairs", 20);
        int messages = setting("bench.messages", 100);
        int intervalMs = setting("bench.interval-ms", 20);
        List<long[]> calls = new ArrayList<>();
        List<String[]> tokens = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            Api.Account specialist = Api.create("SPECIALIST");
            Api.Account client = Api.create("CLIENT");
            Rehab.suitablePeriod(specialist, Map.of("clientId", client.id(), "serviceType", "INDIVIDUAL",
                    "startsOn", LocalDate.now().minusDays(1).toString(), "endsOn", LocalDate.now().plusDays(10).toString()));
            calls.add(new long[] {Calls.book(specialist, client.id(), Calls.in(Duration.ofMinutes(5)))});
            tokens.add(new String[] {specialist.token(), client.token()});
        }

        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> connects = new ConcurrentLinkedQueue<>();
        CountDownLatch allReceived = new CountDownLatch(pairs * messages);
        List<Side[]> sides = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            Side specialist = new Side(latencies, allReceived);
            Side client = new Side(latencies, allReceived);
            long start = System.nanoTime();
            specialist.socket = open(calls.get(i)[0], tokens.get(i)[0], specialist);
            // The server seats each in its own time: the specialist first, so the client's arrival is the news.
            if (!specialist.welcome.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("pair " + i + ": the specialist was not let in: " + specialist.seen);
            }
            client.socket = open(calls.get(i)[0], tokens.get(i)[1], client);
            if (!client.welcome.await(10, TimeUnit.SECONDS) || !specialist.peerJoined.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("pair " + i + " did not meet: specialist saw " + specialist.seen + ", client saw "
                        + client.seen);
            }
            connects.add(System.nanoTime() - start);
            sides.add(new Side[] {specialist, client});
        }

        AtomicInteger sent = new AtomicInteger();
        long begin = System.nanoTime();
        List<Thread> senders = new ArrayList<>();
        for (Side[] pair : sides) {
            Thread t = new Thread(() -> {
                for (int m = 0; m < messages; m++) {
                    String message = "{\"type\":\"candidate\",\"candidate\":{\"sentAt\":" + System.nanoTime()
                            + ",\"candidate\":\"" + PADDING + "\"}}";
                    pair[1].socket.sendText(message, true).join();
                    sent.incrementAndGet();
                    try {
                        Thread.sleep(intervalMs);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            t.start();
            senders.add(t);
        }
        for (Thread t : senders) {
            t.join();
        }
        boolean all = allReceived.await(30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - begin) / 1e9;
        for (Side[] pair : sides) {
            pair[0].socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
            pair[1].socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        }
        System.out.printf(Locale.ROOT, "%nSignalling bench: %d calls (%d sockets), %d messages each, %d ms apart%n",
                pairs, pairs * 2, messages, intervalMs);
        System.out.printf(Locale.ROOT, "  sockets open and both in the call: %s%n", percentiles(connects));
        System.out.printf(Locale.ROOT, "  relayed %d of %d in %.1f s (%.0f msg/s); latency %s%n", latencies.size(), sent.get(),
                seconds, latencies.size() / seconds, percentiles(latencies));
        if (!all) {
            throw new AssertionError("only " + latencies.size() + " of " + sent.get() + " messages arrived");
        }
    }

    private WebSocket open(long appointmentId, String token, Side side) {
        return HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(Signal.uri(base, appointmentId), side).join();
    }

    private static String percentiles(ConcurrentLinkedQueue<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", at(sorted, 0.50),
                at(sorted, 0.95), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }
}
