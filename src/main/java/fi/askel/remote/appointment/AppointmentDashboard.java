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
        List<Appointment> own = Appointment.<Appointment>find("(clientId = ?1 or specialistId = ?1) and status = ?2"
                        + " and startsAt >= ?3 and startsAt < ?4 order by startsAt, id", caller.id(), Appointment.Status.SCHEDULED,
                        now.minus(Duration.ofHours(5)), now.plus(Duration.ofDays(60)))
                .list();
        List<AppointmentItem> items = AppointmentItem.of(views.of(own), caller.id(), now, messages, lang);
        return items.stream().filter(i -> !i.past()).limit(limit).toList();
    }
}
