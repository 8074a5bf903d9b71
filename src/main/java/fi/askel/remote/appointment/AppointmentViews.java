package fi.askel.remote.appointment;

import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.remote.CallWindow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns appointments into views for one reader, with one query for the group members and one for the
 * names of the whole list. A client never sees who else is in a group session before the call.
 */
@ApplicationScoped
public class AppointmentViews {

    private final CallWindow window;

    public AppointmentViews(CallWindow window) {
        this.window = window;
    }

    public AppointmentView of(Appointment a, Caller reader) {
        return of(List.of(a), reader).get(0);
    }

    public List<AppointmentView> of(List<Appointment> list, Caller reader) {
        Map<Long, List<Long>> members = AppointmentMember.clientIdsByAppointment(
                list.stream().filter(Appointment::isGroup).map(a -> a.id).toList());
        Map<Long, String> names = names(list, members, reader);
        boolean client = reader.role() == Role.CLIENT;
        return list.stream().map(a -> {
            List<Long> clientIds = a.isGroup() ? members.getOrDefault(a.id, List.of()) : List.of(a.clientId);
            List<AppointmentView.Person> shown = clientIds.stream().filter(id -> !client || id.equals(reader.id()))
                    .map(id -> new AppointmentView.Person(id, names.get(id))).toList();
            return new AppointmentView(a.id, a.kind.name(), a.clientId, a.clientId == null ? null : names.get(a.clientId),
                    shown, clientIds.size(), a.peerGroupId, a.specialistId, names.get(a.specialistId), a.periodId, a.startsAt,
                    a.endsAt(), a.durationMinutes, a.topic, a.note, a.status.name(), a.cancelReason, window.opensAt(a),
                    window.closesAt(a), new AppointmentView.Attendance(a.clientJoinedAt, a.specialistJoinedAt, a.tookPlace(),
                            a.callStartedAt, a.callEndedAt, (a.callSeconds + 30) / 60), null);
        }).toList();
    }

    private static Map<Long, String> names(List<Appointment> list, Map<Long, List<Long>> members, Caller reader) {
        Set<Long> ids = new HashSet<>();
        list.forEach(a -> {
            if (a.clientId != null) {
                ids.add(a.clientId);
            }
            ids.add(a.specialistId);
        });
        members.values().forEach(ids::addAll);
        return User.displayNames(ids, reader);
    }
}
