package fi.askel.remote.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.askel.common.ApiException;
import fi.askel.common.Dates;
import fi.askel.common.Messages;
import fi.askel.identity.Caller;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import java.net.URI;
import org.eclipse.microprofile.jwt.JsonWebToken;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Signalling for one video call: the participants' browsers exchange the offers, answers and network
 * candidates that set up their peer-to-peer connections, plus mute/camera states and chat lines, through
 * here. A message goes to the other participants only (or the one it names); nothing is stored, chat
 * included. An individual call has two participants; a group session the specialist and up to six
 * clients, each browser connected to each other one (a mesh).
 *
 * <p>Who gets in is decided when the socket opens: signed in (checked at the HTTP upgrade), a
 * participant of the appointment, and within the call's window. Anyone else gets a {@code refused} message naming the
 * reason in their language and the socket is closed (4404 not a participant, 4403 not open now, 4401 not
 * signed in properly).
 */
@WebSocket(path = "/calls/{id}/signal")
@Authenticated
public class CallSocket {

    private static final Logger LOG = Logger.getLogger(CallSocket.class);
    /** Message types a browser may send to the other one. */
    static final Set<String> RELAYED = Set.of("offer", "answer", "candidate", "media", "chat", "bye", "restart");
    static final int CHAT_MAX = 2000;
    private static final UserData.TypedKey<Long> APPOINTMENT = UserData.TypedKey.forLong("askel.appointment");

    private final WebSocketConnection connection;
    private final SecurityIdentity identity;
    private final OpenConnections open;
    private final CallGate gate;
    private final CallRooms rooms;
    private final Messages messages;
    private final ObjectMapper json;
    private final Clock clock;

    public CallSocket(WebSocketConnection connection, SecurityIdentity identity, OpenConnections open, CallGate gate,
            CallRooms rooms, Messages messages, ObjectMapper json, Clock clock) {
        this.connection = connection;
        this.identity = identity;
        this.open = open;
        this.gate = gate;
        this.rooms = rooms;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @OnOpen
    public void onOpen() {
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        if (caller == null || Boolean.TRUE.equals(identity.getAttribute(Caller.ENROLMENT_ONLY)) || !sameOrigin()) {
            refuse(caller, "not-signed-in", "remote.call.refused.SIGN_IN", 4401);
            return;
        }
        Long id = parseId(connection.pathParam("id"));
        CallGate.Outcome outcome;
        try {
            outcome = id == null ? null : gate.admit(caller, id);
        } catch (ApiException e) {
            outcome = null;
        }
        if (outcome == null) {
            refuse(caller, "not-found", "remote.call.refused.NOT_FOUND", 4404);
            return;
        }
        if (outcome.refusal() != null) {
            String opens = Dates.dateTime(outcome.opensAt(), caller.locale());
            refuse(caller, outcome.refusal().problemType, "remote.call.refused." + outcome.refusal().name(), 4403, opens);
            return;
        }
        CallGate.Admission admission = outcome.admission();
        connection.userData().put(APPOINTMENT, admission.appointmentId());
        var now = clock.instant();
        gate.joined(admission.appointmentId(), caller.id(), admission.client(), now);
        String sessionId = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("sid") : null;
        CallRooms.Seat me = new CallRooms.Seat(connection.id(), caller.id(), admission.client(), caller.displayName(), sessionId);
        CallRooms.Joined joined = rooms.join(admission.appointmentId(), me, now, admission.closesAt(), seated -> {
            ObjectNode welcome = message("welcome");
            welcome.put("role", role(me));
            welcome.put("id", caller.id());
            welcome.put("group", admission.group());
            welcome.put("peerName", admission.peerName());
            welcome.put("peerPresent", !seated.others().isEmpty());
            welcome.put("closesAt", admission.closesAt().toString());
            ArrayNode peers = welcome.putArray("peers");
            seated.others().forEach(other -> peers.add(person(other)));
            connection.sendTextAndAwait(welcome);
        });
        if (joined.replaced() != null && !joined.replaced().connectionId().equals(connection.id())) {
            open.findByConnectionId(joined.replaced().connectionId()).ifPresent(old -> {
                old.sendTextAndAwait(message("replaced"));
                old.closeAndAwait(new CloseReason(4409, "replaced"));
            });
        }
        if (joined.togetherFrom() != null) {
            gate.together(admission.appointmentId(), joined.togetherFrom());
        }
        ObjectNode arrived = person(me);
        arrived.put("type", "peer-joined");
        joined.others().forEach(other -> send(other, arrived));
    }

    /**
     * A message for the others: to the one named in {@code to} (a user id; offers, answers and candidates in
     * a group session go to one peer each), otherwise to everyone else in the call.
     */
    @OnTextMessage
    public void onMessage(String text) {
        Long appointmentId = appointmentId();
        CallRooms.Seat me = appointmentId == null ? null : rooms.seatOf(appointmentId, connection.id());
        if (me == null) {
            return;
        }
        JsonNode in;
        try {
            in = json.readTree(text);
        } catch (Exception e) {
            connection.sendTextAndAwait(error("not-json"));
            return;
        }
        String type = in == null ? "" : in.path("type").asText("");
        if (in == null || !in.isObject() || !RELAYED.contains(type)) {
            connection.sendTextAndAwait(error("unknown-type"));
            return;
        }
        if ("chat".equals(type) && (in.path("text").asText("").isBlank() || in.path("text").asText().length() > CHAT_MAX)) {
            connection.sendTextAndAwait(error("chat-invalid"));
            return;
        }
        List<CallRooms.Seat> others = rooms.othersOf(appointmentId, me.userId());
        if (in.hasNonNull("to")) {
            long to = in.path("to").asLong(-1);
            others = others.stream().filter(o -> o.userId() == to).toList();
        }
        if (others.isEmpty()) {
            if ("chat".equals(type)) {
                connection.sendTextAndAwait(error("peer-absent"));
            }
            return;
        }
        ObjectNode out = ((ObjectNode) in).deepCopy();
        out.remove(List.of("from", "fromId", "fromName"));
        out.put("from", role(me));
        out.put("fromId", me.userId());
        out.put("fromName", me.name());
        others.forEach(o -> send(o, out));
    }

    @OnClose
    public void onClose() {
        Long appointmentId = appointmentId();
        if (appointmentId == null) {
            return;
        }
        CallRooms.Left left = rooms.leave(appointmentId, connection.id());
        if (left == null) {
            return;
        }
        if (left.togetherSince() != null) {
            gate.apart(appointmentId, left.togetherSince(), clock.instant());
        }
        ObjectNode gone = person(left.seat());
        gone.put("type", "peer-left");
        left.others().forEach(o -> send(o, gone));
    }

    private static String role(CallRooms.Seat seat) {
        return seat.client() ? "CLIENT" : "SPECIALIST";
    }

    private ObjectNode person(CallRooms.Seat seat) {
        ObjectNode node = json.createObjectNode();
        node.put("id", seat.userId());
        node.put("name", seat.name());
        node.put("role", role(seat));
        return node;
    }

    private Long appointmentId() {
        return connection.userData().get(APPOINTMENT);
    }

    private void send(CallRooms.Seat to, ObjectNode message) {
        open.findByConnectionId(to.connectionId()).ifPresent(c -> {
            try {
                c.sendTextAndAwait(message);
            } catch (RuntimeException e) {
                LOG.debugf("A call participant's connection went away while sending: %s", e.getMessage());
            }
        });
    }

    private void refuse(Caller caller, String reason, String messageKey, int code, Object... args) {
        ObjectNode refused = message("refused");
        refused.put("reason", reason);
        refused.put("message", messages.get(caller == null ? Messages.DEFAULT_LANGUAGE : caller.locale(), messageKey, args));
        connection.sendTextAndAwait(refused);
        connection.closeAndAwait(new CloseReason(code, reason));
    }

    /**
     * A page on another site cannot open this socket with the user's cookies: browsers send Origin with
     * every WebSocket handshake, and it must name this service (the Host it was asked for).
     */
    private boolean sameOrigin() {
        String origin = connection.handshakeRequest().header("Origin");
        if (origin == null) {
            return true;
        }
        String host = connection.handshakeRequest().header("Host");
        try {
            URI o = URI.create(origin);
            String authority = o.getPort() == -1 ? o.getHost() : o.getHost() + ":" + o.getPort();
            return host != null && (host.equalsIgnoreCase(authority) || host.equalsIgnoreCase(o.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private ObjectNode message(String type) {
        ObjectNode node = json.createObjectNode();
        node.put("type", type);
        return node;
    }

    private ObjectNode error(String reason) {
        ObjectNode node = message("error");
        node.put("reason", reason);
        return node;
    }

    private static Long parseId(String value) {
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
