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

    /** Longer than the longest call (BookingRules.MAX_MINUTES) and its grace: a call still joinable started after this. */
    private static final Duration LOOK_BACK = Duration.ofHours(5);

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
        // Calls started within LOOK_BACK may have ended already; a person's calls never overlap (BookingRules), so at
        // most LOOK_BACK / MIN_MINUTES of them come before the ones wanted: no more rows are read than that.
        int mayHaveEnded = (int) (LOOK_BACK.toMinutes() / BookingRules.MIN_MINUTES);
        List<Appointment> own = Appointment.listScheduledByParticipant(caller.id(), now.minus(LOOK_BACK),
                now.plus(Duration.ofDays(60)), limit + mayHaveEnded);
        List<AppointmentItem> items = AppointmentItem.of(views.of(own, caller), caller.id(), now, messages, lang);
        return items.stream().filter(i -> !i.past()).limit(limit).toList();
    }
}
