package fi.askel.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One browser's signalling connection to a call, as a real WebSocket client: every text message it
 * receives is queued (parsed as JSON), and the close code the server sends is kept.
 */
public final class Signal implements WebSocket.Listener, AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(10);

    final String who;
    final BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private Signal(String who) {
        this.who = who;
    }

    static URI uri(URL base, long appointmentId) {
        return URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/calls/" + appointmentId + "/signal");
    }

    /** Opens the socket (the handshake must succeed); {@code token} null sends no credentials. */
    public static Signal open(URL base, long appointmentId, String token, String who) {
        return open(base, appointmentId, token, who, null);
    }

    static Signal open(URL base, long appointmentId, String token, String who, String origin) {
        Signal signal = new Signal(who);
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        try {
            signal.socket = builder.buildAsync(uri(base, appointmentId), signal).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(who + " could not connect", e);
        } catch (ExecutionException e) {
            throw new HandshakeFailed(e.getCause());
        }
        return signal;
    }

    /** Waits for this side's {@code type} message (e.g. its welcome: it is seated), then opens another side. */
    public Signal thenOpen(String type, URL base, long appointmentId, String token, String who) {
        next(type);
        return open(base, appointmentId, token, who);
    }

    /** The HTTP status of a handshake the server refused, and where it pointed (Location), if anywhere. */
    record Refusal(int status, String location) {}

    static Refusal refusedHandshake(URL base, long appointmentId, String token) {
        try {
            Signal s = open(base, appointmentId, token, "refused");
            s.close();
            throw new AssertionError("the handshake was accepted");
        } catch (HandshakeFailed e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return new Refusal(h.getResponse().statusCode(),
                        h.getResponse().headers().firstValue("Location").orElse(null));
            }
            throw new AssertionError("the handshake failed in another way", e.getCause());
        }
    }

    static final class HandshakeFailed extends RuntimeException {
        HandshakeFailed(Throwable cause) {
            super(cause);
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            try {
                received.add(JSON.readValue(text, new TypeReference<Map<String, Object>>() {}));
            } catch (Exception e) {
                received.add(Map.of("type", "(not json)", "text", text));
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** The next message (waits up to ten seconds). */
    Map<String, Object> next() {
        try {
            Map<String, Object> m = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(m, who + " received nothing");
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next message, which must be of this type. */
    public Map<String, Object> next(String type) {
        Map<String, Object> m = next();
        assertEquals(type, m.get("type"), who + " received " + m);
        return m;
    }

    /** The server refused this side: a "refused" message naming {@code reason} in words, then close {@code code}. */
    void expectRefused(String reason, int code) {
        Map<String, Object> refused = next("refused");
        assertEquals(reason, refused.get("reason"), refused.toString());
        assertTrue(refused.get("message") instanceof String m && !m.isBlank(), refused.toString());
        assertEquals(code, closeCode());
    }

    /** Nothing arrives within a short while (messages to the other side would have come by then). */
    void expectNothing() {
        try {
            Map<String, Object> m = received.poll(700, TimeUnit.MILLISECONDS);
            assertNull(m, who + " should have received nothing but got " + m);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The close code the server sent (waits up to ten seconds). */
    int closeCode() {
        try {
            return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError(who + " was not closed by the server", e);
        }
    }

    void send(Map<String, Object> message) {
        try {
            sendText(JSON.writeValueAsString(message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void sendText(String text) {
        socket.sendText(text, true).join();
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                socket.abort();
            }
        }
    }
}
