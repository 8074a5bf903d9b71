package fi.askel.remote.appointment;

import fi.askel.common.ApiException;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.privacy.AccessKind;
import fi.askel.privacy.AccessLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Bringing a group session's members up to date with its peer group: clients who joined the group since the
 * booking are added (if they may take part), those who left are removed, each told by email. The specialist
 * does it with one action and sees first what it will do. Why not silently in the background: the group's
 * membership changes for many reasons, a newcomer may not yet be assessed, and a session booked for six
 * may be full; the specialist should see who is left out and why at the moment they act, not learn it from
 * a client.
 */
@ApplicationScoped
public class GroupMembersService {

    /** What a refresh did (or, as a preview, would do). */
    public record Refresh(Appointment appointment, List<Long> added, List<Long> removed, List<SkippedMember> skipped) {}

    private final AppointmentService appointments;
    private final GroupFill fill;
    private final PeerGroupCheck peerGroups;
    private final BookingRules rules;
    private final AccessLog accessLog;
    private final Event<AppointmentChanged> changes;
    private final Clock clock;

    GroupMembersService(AppointmentService appointments, GroupFill fill, PeerGroupCheck peerGroups, BookingRules rules,
            AccessLog accessLog, Event<AppointmentChanged> changes, Clock clock) {
        this.appointments = appointments;
        this.fill = fill;
        this.peerGroups = peerGroups;
        this.rules = rules;
        this.accessLog = accessLog;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * What a refresh would change now, as the specialist who booked the session sees the group; changes nothing.
     * An admin may look too (they read every client's data). A call not for a peer group has nothing to update.
     */
    @Transactional
    public Refresh preview(Caller caller, Long id) {
        Appointment a = caller.role() == Role.ADMIN ? appointments.visible(caller, id) : appointments.ownScheduled(caller, id);
        if (!a.isGroup() || a.peerGroupId == null) {
            return new Refresh(a, List.of(), List.of(), List.of()); // nothing to take from a group
        }
        if (caller.role() != Role.ADMIN && !peerGroups.canModerate(caller, a.peerGroupId)) {
            throw ApiException.conflict("peer-group-invalid", "remote.appointment.peer-group-invalid");
        }
        Caller specialist = Caller.of(User.findById(a.specialistId));
        GroupFill.Plan plan = fill.plan(specialist, a.peerGroupId, a.startsAt, a.endsAt(), a.id, a.clientIds());
        accessLog.recordEach(caller, a.clientIds(), AccessKind.APPOINTMENTS_READ);
        return new Refresh(a, List.copyOf(plan.add().keySet()), plan.remove(), plan.skipped());
    }

    @Transactional
    public Refresh refresh(Caller caller, Long id) {
        Appointment a = refreshable(caller, id);
        List<Long> current = a.clientIds();
        GroupFill.Plan plan = fill.plan(caller, a.peerGroupId, a.startsAt, a.endsAt(), a.id, current);
        List<Long> added = List.copyOf(plan.add().keySet());
        Set<Long> touched = new LinkedHashSet<>(current);
        touched.addAll(added);
        rules.lockPeople(a.specialistId, new ArrayList<>(touched));
        rules.checkOverlap(a.specialistId, added, a.startsAt, a.endsAt(), a.id);
        plan.add().forEach((clientId, periodId) -> {
            AppointmentMember m = new AppointmentMember();
            m.appointmentId = a.id;
            m.clientId = clientId;
            m.periodId = periodId;
            m.persist();
        });
        if (!plan.remove().isEmpty()) {
            AppointmentMember.delete("appointmentId = ?1 and clientId in ?2", a.id, plan.remove());
        }
        if (!added.isEmpty() || !plan.remove().isEmpty()) {
            a.updatedAt = clock.instant();
        }
        accessLog.recordEach(caller, new ArrayList<>(touched), AccessKind.APPOINTMENT_CHANGED);
        if (!added.isEmpty()) {
            changes.fire(new AppointmentChanged(a.id, AppointmentChanged.Kind.BOOKED, added));
        }
        if (!plan.remove().isEmpty()) {
            changes.fire(new AppointmentChanged(a.id, AppointmentChanged.Kind.CANCELLED, plan.remove()));
        }
        return new Refresh(a, added, plan.remove(), plan.skipped());
    }

    private static Appointment forPeerGroup(Appointment a) {
        if (!a.isGroup() || a.peerGroupId == null) {
            throw ApiException.conflict("appointment-no-peer-group", "remote.group.no-peer-group");
        }
        return a;
    }

    /** The caller's own scheduled group session for a peer group they still moderate, not yet started. */
    private Appointment refreshable(Caller caller, Long id) {
        Appointment a = forPeerGroup(appointments.ownScheduled(caller, id));
        if (!a.startsAt.isAfter(clock.instant())) {
            throw ApiException.conflict("appointment-started", "remote.group.started");
        }
        if (!peerGroups.canModerate(caller, a.peerGroupId)) {
            throw ApiException.conflict("peer-group-invalid", "remote.appointment.peer-group-invalid");
        }
        return a;
    }
}
