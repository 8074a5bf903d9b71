package fi.askel.remote.appointment;

import fi.askel.identity.User;
import fi.askel.remote.CallWindow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns appointments into views, naming both people with one query for the whole list. */
@ApplicationScoped
public class AppointmentViews {

    private final CallWindow window;

    public AppointmentViews(CallWindow window) {
        this.window = window;
    }

    public AppointmentView of(Appointment a) {
        return of(List.of(a)).get(0);
    }

    public List<AppointmentView> of(List<Appointment> list) {
        Map<Long, String> names = names(list);
        return list.stream().map(a -> new AppointmentView(a.id, a.clientId, names.get(a.clientId), a.specialistId,
                names.get(a.specialistId), a.periodId, a.startsAt, a.endsAt(), a.durationMinutes, a.topic, a.note,
                a.status.name(), a.cancelReason, window.opensAt(a), window.closesAt(a),
                new AppointmentView.Attendance(a.clientJoinedAt, a.specialistJoinedAt, a.tookPlace(), a.callStartedAt,
                        a.callEndedAt, (a.callSeconds + 30) / 60))).toList();
    }

    private static Map<Long, String> names(List<Appointment> list) {
        Set<Long> ids = new HashSet<>();
        list.forEach(a -> {
            ids.add(a.clientId);
            ids.add(a.specialistId);
        });
        if (ids.isEmpty()) {
            return Map.of();
        }
        return User.<User>list("id in ?1", ids).stream().collect(Collectors.toMap(u -> u.id, u -> u.displayName));
    }
}
