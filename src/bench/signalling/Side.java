package signalling;

import static signalling.Calls.HTTP;
import static signalling.Calls.base;
import static signalling.Calls.field;
import static signalling.SignallingLoad.error;

import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import signalling.Calls.Pair;


/** One participant's signalling socket: counts the relayed candidates and checks each is from its own call. */
final class Side implements WebSocket.Listener {
    static final AtomicLong lastReceived = new AtomicLong();
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
