package signalling;

import static signalling.Calls.DEMO_PASSWORD;
import static signalling.Calls.DEMO_TOTP_SECRET;
import static signalling.Calls.login;
import static signalling.Calls.pair;
import static signalling.Calls.totp;

import java.net.http.WebSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import signalling.Calls.Account;
import signalling.Calls.Pair;


/**
 * Call signalling under load, against a running Askel with demo data (src/bench/signalling.sh starts one).
 * JDK only, compiled and started by src/bench/signalling.sh; the calls are set up by {@link Calls}, each
 * participant's socket is a {@link Side}.
 *
 * <p>Sets up PAIRS calls over the API the way people do (demo-admin creates a specialist and a client per call;
 * the specialist enrols a second factor, the client acknowledges the privacy notice; the specialist opens a
 * period, records the suitability assessment and books a call starting in 5 minutes), then opens both sides'
 * signalling sockets, all pairs at once, and has every participant send MESSAGES ICE-candidate-sized messages
 * INTERVAL_MS apart. Prints the join time, messages/s, relay latency (p50/p99/max, sender and receiver are
 * in this JVM, so the clocks agree) and errors: sockets refused or closed, messages lost, error answers, and any
 * message that reached someone other than the other participant of its own call.
 */
public class SignallingLoad {

    static final String PADDING = "x".repeat(160);

    static final AtomicInteger errors = new AtomicInteger();
    static final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(2);
        }
    }

    static void run(String[] args) throws Exception {
        Calls.base = args.length > 0 ? args[0].replaceAll("/$", "") : "http://localhost:8080";
        int pairs = Integer.getInteger("pairs", 50);
        int messages = Integer.getInteger("messages", 100);
        int intervalMs = Integer.getInteger("intervalMs", 20);
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

        long setupStart = System.nanoTime();
        Account admin = login("demo-admin", DEMO_PASSWORD, totp(DEMO_TOTP_SECRET, Instant.now().getEpochSecond() / 30));
        ExecutorService setup = Executors.newFixedThreadPool(4);
        List<Future<Pair>> made = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            int index = i;
            made.add(setup.submit(() -> pair(admin, run, index)));
        }
        List<Pair> calls = new ArrayList<>();
        for (Future<Pair> f : made) {
            calls.add(f.get(5, TimeUnit.MINUTES));
        }
        setup.shutdown();
        System.out.printf(Locale.ROOT, "set up %d calls (%d accounts, periods, assessments, bookings) in %.0f s%n", pairs,
                2 * pairs, (System.nanoTime() - setupStart) / 1e9);

        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> joins = new ConcurrentLinkedQueue<>();
        CountDownLatch allReceived = new CountDownLatch(2 * pairs * messages);
        List<Side[]> sides = new ArrayList<>();
        ExecutorService joiners = Executors.newFixedThreadPool(Math.min(2 * pairs, 64));
        List<Future<?>> joined = new ArrayList<>();
        for (Pair pair : calls) {
            Side s = new Side(pair, "SPECIALIST", latencies, allReceived);
            Side c = new Side(pair, "CLIENT", latencies, allReceived);
            sides.add(new Side[] {s, c});
            for (Side side : List.of(s, c)) {
                joined.add(joiners.submit(() -> {
                    long start = System.nanoTime();
                    side.open(side.role.equals("SPECIALIST") ? pair.specialist().token() : pair.client().token());
                    if (!side.met.await(30, TimeUnit.SECONDS)) {
                        error("call " + pair.index() + " " + side.role + " never met the other: " + side.seen);
                    }
                    joins.add(System.nanoTime() - start);
                    return null;
                }));
            }
        }
        for (Future<?> f : joined) {
            f.get(2, TimeUnit.MINUTES);
        }
        joiners.shutdown();

        AtomicInteger sent = new AtomicInteger();
        long begin = System.nanoTime();
        List<Thread> senders = new ArrayList<>();
        for (Side[] pair : sides) {
            for (Side side : pair) {
                Thread t = new Thread(() -> {
                    for (int m = 0; m < messages && side.socket != null; m++) {
                        String message = "{\"type\":\"candidate\",\"candidate\":{\"call\":" + side.pair.appointmentId()
                                + ",\"sentAt\":" + System.nanoTime() + ",\"candidate\":\"" + PADDING + "\"}}";
                        try {
                            side.socket.sendText(message, true).join();
                            sent.incrementAndGet();
                        } catch (RuntimeException e) {
                            error("send failed: " + e.getMessage());
                            return;
                        }
                        sleep(intervalMs);
                    }
                });
                t.start();
                senders.add(t);
            }
        }
        for (Thread t : senders) {
            t.join();
        }
        boolean all = allReceived.await(30, TimeUnit.SECONDS);
        long end = Side.lastReceived.get() > 0 ? Side.lastReceived.get() : System.nanoTime();
        double seconds = (end - begin) / 1e9;
        for (Side[] pair : sides) {
            for (Side side : pair) {
                if (side.socket != null && !side.socket.isOutputClosed()) {
                    side.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
                }
            }
        }
        if (!all) {
            error((2L * pairs * messages - latencies.size()) + " messages never arrived");
        }

        System.out.printf(Locale.ROOT, "%d calls (%d sockets), %d messages from each participant, %d ms apart, %s%n", pairs,
                2 * pairs, messages, intervalMs, Calls.base);
        System.out.printf(Locale.ROOT, "  socket open to both in the call: %s%n", percentiles(joins));
        System.out.printf(Locale.ROOT, "  relayed %d of %d sent in %.1f s: %.0f messages/s; latency %s%n", latencies.size(),
                sent.get(), seconds, latencies.size() / seconds, percentiles(latencies));
        System.out.printf(Locale.ROOT, "  errors: %d%s%n", errors.get(), errors.get() == 0 ? "" : " " + errorSamples);
        System.exit(errors.get() == 0 ? 0 : 1);
    }

    static void error(String what) {
        errors.incrementAndGet();
        if (errorSamples.size() < 5) {
            errorSamples.add(what);
        }
    }

    static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String percentiles(ConcurrentLinkedQueue<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms", at(sorted, 0.50), at(sorted, 0.99),
                sorted.get(sorted.size() - 1) / 1e6);
    }

    static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }
}
