package fi.askel.remote.appointment;

import fi.askel.common.Messages;
import fi.askel.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The next video calls of a client or specialist, for their dashboard (calls still joinable included). */
@ApplicationScoped
public class AppointmentDashboard {

    private final AppointmentViews views;
    private final Messages messages;
    private final Clock clock;

    public AppointmentDashboard(AppointmentViews views, Messages messages, Clock clock) {
        this.views = views;
        this.messages = messages;
        this.clock = clock;
    }

    public List<AppointmentItem> upcoming(Caller caller, String lang, int limit) {
        Instant now = clock.instant();
        List<Appointment> own = Appointment.listByParticipant(caller.id(), now.minus(Duration.ofHours(5)), now.plus(Duration.ofDays(60)))
                .stream().filter(a -> a.status == Appointment.Status.SCHEDULED).toList();
        List<AppointmentItem> items = AppointmentItem.of(views.of(own, caller), caller.id(), now, messages, lang);
        return items.stream().filter(i -> !i.past()).limit(limit).toList();
    }
}
