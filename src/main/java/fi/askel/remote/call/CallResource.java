package fi.askel.remote.call;

import fi.askel.common.ApiException;
import fi.askel.common.Dates;
import fi.askel.identity.Caller;
import fi.askel.remote.CallWindow;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * What a participant's browser needs to join a call: the signalling address, who the other person is,
 * and the STUN/TURN servers with credentials that expire when the call's window closes. Outside the
 * window the answer is 409 naming why (not open yet and when it opens, ended, cancelled); for anyone
 * but the two participants 404.
 */
@Path("/api/v1/appointments/{id}/call")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Transactional
public class CallResource {

    public record CallSettings(Long appointmentId, String role, String peerName, String topic, Instant startsAt,
            Instant endsAt, Instant closesAt, String signalPath, List<IceServers.IceServer> iceServers, boolean chatStored) {}

    private final CallGate gate;
    private final IceServers iceServers;
    private final SecurityIdentity identity;

    public CallResource(CallGate gate, IceServers iceServers, SecurityIdentity identity) {
        this.gate = gate;
        this.iceServers = iceServers;
        this.identity = identity;
    }

    @GET
    public CallSettings settings(@PathParam("id") long id) {
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        CallGate.Outcome outcome = gate.admit(caller, id);
        if (outcome.refusal() != null) {
            throw refusal(outcome, caller.locale());
        }
        CallGate.Admission a = outcome.admission();
        return new CallSettings(a.appointmentId(), a.client() ? "CLIENT" : "SPECIALIST", a.peerName(), a.topic(),
                a.startsAt(), a.endsAt(), a.closesAt(), "/calls/" + id + "/signal",
                iceServers.forCall(caller.id(), a.closesAt().plusSeconds(3600)), false);
    }

    static ApiException refusal(CallGate.Outcome outcome, String lang) {
        CallWindow.Refusal r = outcome.refusal();
        String opens = Dates.dateTime(outcome.opensAt(), lang);
        return new ApiException(409, r.problemType, "remote.call.refused." + r.name(), List.of(), opens);
    }
}
