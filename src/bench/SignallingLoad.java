import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Call signalling under load, against a running Askel with demo data (src/bench/signalling.sh starts one).
 * A JDK-only single-file program: {@code java src/bench/SignallingLoad.java <base url>}.
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

    static final String DEMO_PASSWORD = "demo-password-2026";
    static final String DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP";
    static final String PASSWORD = "Bench-signalling-2026-x";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final String PADDING = "x".repeat(160);

    static String base;
    /**
     * Second-factor enrolments one at a time: two staff confirming theirs at the same moment can be answered 500
     * (the recovery codes' delete-then-insert deadlocks in MariaDB; reported, not this bench's subject).
     */
    static final Object ENROLMENT = new Object();
    static final AtomicInteger errors = new AtomicInteger();
    static final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();

    record Account(long id, String token) {}

    record Pair(int index, long appointmentId, Account specialist, Account client) {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(2);
        }
    }

    static void run(String[] args) throws Exception {
        base = args.length > 0 ? args[0].replaceAll("/$", "") : "http://localhost:8080";
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
                2 * pairs, messages, intervalMs, base);
        System.out.printf(Locale.ROOT, "  socket open to both in the call: %s%n", percentiles(joins));
        System.out.printf(Locale.ROOT, "  relayed %d of %d sent in %.1f s: %.0f messages/s; latency %s%n", latencies.size(),
                sent.get(), seconds, latencies.size() / seconds, percentiles(latencies));
        System.out.printf(Locale.ROOT, "  errors: %d%s%n", errors.get(), errors.get() == 0 ? "" : " " + errorSamples);
        System.exit(errors.get() == 0 ? 0 : 1);
    }

    /** One participant's signalling socket: counts the relayed candidates and checks each is from its own call. */
    static final class Side implements WebSocket.Listener {
        static final java.util.concurrent.atomic.AtomicLong lastReceived = new java.util.concurrent.atomic.AtomicLong();
        final Pair pair;
        final String role;
        final ConcurrentLinkedQueue<Long> latencies;
        final CountDownLatch received;
        final CountDownLatch met = new CountDownLatch(1);
        final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        private final StringBuilder partial = new StringBuilder();
        volatile WebSocket socket;

        Side(Pair pair, String role, ConcurrentLinkedQueue<Long> latencies, CountDownLatch received) {
            this.pair = pair;
            this.role = role;
            this.latencies = latencies;
            this.received = received;
        }

        void open(String token) {
            URI uri = URI.create(base.replaceFirst("^http", "ws") + "/calls/" + pair.appointmentId() + "/signal");
            try {
                socket = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token).buildAsync(uri, this)
                        .get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                error("call " + pair.index() + " " + role + " could not open its socket: " + e);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                String text = partial.toString();
                partial.setLength(0);
                String type = field(text, "type");
                if (seen.size() < 10) {
                    seen.add(type);
                }
                switch (type) {
                    case "welcome" -> {
                        if (text.contains("\"peerPresent\":true")) {
                            met.countDown();
                        }
                    }
                    case "peer-joined" -> met.countDown();
                    case "peer-left" -> { } // the other side closed first at the end of the run
                    case "candidate" -> {
                        long call = Long.parseLong(field(text, "call"));
                        String from = field(text, "from");
                        if (call != pair.appointmentId() || from.equals(role)) {
                            error("call " + pair.appointmentId() + " " + role + " received a message of call " + call
                                    + " from " + from);
                        }
                        latencies.add(now - Long.parseLong(field(text, "sentAt")));
                        lastReceived.accumulateAndGet(now, Math::max);
                        received.countDown();
                    }
                    default -> error("call " + pair.index() + " " + role + " received " + text);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            if (statusCode != WebSocket.NORMAL_CLOSURE) {
                error("call " + pair.index() + " " + role + " closed by the service: " + statusCode + " " + reason);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            ws.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable e) {
            error("call " + pair.index() + " " + role + ": " + e);
        }
    }

    /** A specialist and a client of their own, a period assessed suitable, and a call in 5 minutes. */
    static Pair pair(Account admin, String run, int index) throws Exception {
        String specialistName = "bench-" + run + "-s" + index;
        String clientName = "bench-" + run + "-c" + index;
        createUser(admin, specialistName, "SPECIALIST");
        long clientId = createUser(admin, clientName, "CLIENT");

        Account specialist = login(specialistName, PASSWORD, null);
        synchronized (ENROLMENT) {
            String secret = field(call("POST", "/api/v1/me/mfa/totp", specialist.token(), "{}", 200), "secret");
            call("POST", "/api/v1/me/mfa/totp/confirm", specialist.token(),
                    "{\"code\":\"" + totp(secret, Instant.now().getEpochSecond() / 30) + "\"}", 200);
        }

        Account client = login(clientName, PASSWORD, null);
        String version = field(call("GET", "/api/v1/me/privacy", client.token(), null, 200), "currentVersion");
        call("POST", "/api/v1/me/privacy/acknowledge", client.token(),
                "{\"version\":" + version + ",\"remoteRehabConsent\":true}", 200);

        String period = call("POST", "/api/v1/periods", specialist.token(), "{\"clientId\":" + clientId
                + ",\"serviceType\":\"INDIVIDUAL\",\"startsOn\":\"" + LocalDate.now().minusDays(1) + "\",\"endsOn\":\""
                + LocalDate.now().plusDays(10) + "\"}", 201);
        call("POST", "/api/v1/periods/" + field(period, "id") + "/suitability", specialist.token(),
                "{\"testCall\":\"YES\",\"privateSpace\":\"YES\",\"digitalSkills\":\"INDEPENDENT\",\"handsOnNeeded\":false,"
                        + "\"clientWish\":\"WANTS_REMOTE\",\"interpreterNeeded\":false,\"clientConsented\":true,"
                        + "\"decision\":\"SUITABLE\"}", 201);
        String startsAt = OffsetDateTime.now(ZoneId.of("Europe/Helsinki")).plusMinutes(5).truncatedTo(ChronoUnit.MINUTES).toString();
        String booked = call("POST", "/api/v1/appointments", specialist.token(), "{\"clientId\":" + clientId
                + ",\"startsAt\":\"" + startsAt + "\",\"durationMinutes\":30,\"topic\":\"Bench\"}", 201);
        return new Pair(index, Long.parseLong(field(booked, "id")), specialist, new Account(clientId, client.token()));
    }

    static long createUser(Account admin, String username, String role) throws Exception {
        String body = "{\"username\":\"" + username + "\",\"displayName\":\"Bench " + username + "\",\"role\":\"" + role
                + "\",\"locale\":\"fi\",\"password\":\"" + PASSWORD + "\",\"email\":\"" + username + "@example.org\"}";
        return Long.parseLong(field(call("POST", "/api/v1/users", admin.token(), body, 201), "id"));
    }

    static Account login(String username, String password, String totp) throws Exception {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\""
                + (totp == null ? "" : ",\"totp\":\"" + totp + "\"") + "}";
        String answer = call("POST", "/api/v1/auth/login", null, body, 200);
        return new Account(0, field(answer, "token"));
    }

    static String call(String method, String path, String token, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The first value of a top-level-looking field in a JSON text (enough for the answers read here). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.]+|true|false|null)")
                .matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    /** RFC 6238 (HMAC-SHA1, 30 s, 6 digits) for a Base32 secret. */
    static String totp(String base32, long step) throws Exception {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String s = base32.replace("=", "").toUpperCase(Locale.ROOT);
        ByteBuffer key = ByteBuffer.allocate(s.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char ch : s.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(ch);
            bits += 5;
            if (bits >= 8) {
                key.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key.array(), "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
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
