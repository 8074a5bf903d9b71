package fi.askel.remote.call;

import fi.askel.common.Messages;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.remote.appointment.AppointmentItem;
import fi.askel.remote.appointment.AppointmentService;
import fi.askel.remote.appointment.AppointmentViews;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;

/**
 * The call page, for the two participants only: first a device check anyone can get through alone
 * (camera preview, microphone level, choosing devices, what to do when the browser asks or was refused),
 * the reminder to sit somewhere private and the provider's instructions; then the call itself. The
 * device check works at any time; joining only within the call's window. Under /calls/, where the
 * Permissions-Policy lets the page ask for the camera and microphone.
 */
@Path("/calls")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.CLIENT_NAME, Role.SPECIALIST_NAME})
public class CallPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance call(PageContext page, AppointmentItem a, String refusal, String opensAt);
    }

    private final CallGate gate;
    private final AppointmentService appointments;
    private final AppointmentViews views;
    private final Messages messages;
    private final Pages pages;
    private final SecurityIdentity identity;
    private final Clock clock;

    public CallPage(CallGate gate, AppointmentService appointments, AppointmentViews views, Messages messages, Pages pages,
            SecurityIdentity identity, Clock clock) {
        this.gate = gate;
        this.appointments = appointments;
        this.views = views;
        this.messages = messages;
        this.pages = pages;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Path("/{id}")
    @Transactional
    public TemplateInstance call(@PathParam("id") long id) {
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        CallGate.Outcome outcome = gate.admit(caller, id);
        AppointmentItem item = AppointmentItem.of(views.of(appointments.asParticipant(caller, id), caller), caller.id(),
                clock.instant(), messages, pages.lang());
        String refusal = outcome.refusal() == null ? null : outcome.refusal().name();
        String opensAt = java.time.format.DateTimeFormatter.ofPattern(messages.get(pages.lang(), "remote.pattern.time"))
                .format(outcome.opensAt().atZone(AppointmentService.ZONE));
        return Templates.call(pages.context(), item, refusal, opensAt);
    }
}
