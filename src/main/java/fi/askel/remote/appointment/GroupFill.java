package fi.askel.remote.appointment;

import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.rehab.PeriodService;
import fi.askel.rehab.RehabAccess;
import fi.askel.rehab.RemoteWorkGate;
import fi.askel.remote.RemoteConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who of a peer group takes part in a group session for it: the group's current client members whose
 * rehabilitation the specialist holds on that day, whose period allows remote work (assessed suitable, with
 * consent), up to {@code askel.calls.group-max-clients}. Everyone left out is named with the reason, so
 * the specialist can act on it (assess the client, or hold a second session); nobody is dropped silently.
 */
@ApplicationScoped
class GroupFill {

    /** What to change: clients to add (with their period), members to remove (they left the group), who was left out. */
    record Plan(Map<Long, Long> add, List<Long> remove, List<SkippedMember> skipped) {}

    static final String NOT_FOLLOWED = "not-followed";
    static final String NO_PERIOD = "no-period";
    static final String GROUP_FULL = "group-full";
    static final String BUSY = "busy";

    private final PeerGroupCheck groups;
    private final RehabAccess access;
    private final PeriodService periods;
    private final RemoteWorkGate remoteWork;
    private final RemoteConfig config;

    GroupFill(PeerGroupCheck groups, RehabAccess access, PeriodService periods, RemoteWorkGate remoteWork, RemoteConfig config) {
        this.groups = groups;
        this.access = access;
        this.periods = periods;
        this.remoteWork = remoteWork;
        this.config = config;
    }

    /**
     * The plan for a session from {@code start} to {@code end} whose members now are {@code current} (empty when booking): members
     * who left the group go, eligible newcomers come while there is room. Members who stay are not re-checked
     * (they were when they were added; the call itself is not taken from them by a later assessment here).
     */
    Plan plan(Caller specialist, Long groupId, Instant start, Instant end, Long appointmentId, Collection<Long> current) {
        LocalDate day = LocalDate.ofInstant(start, AppointmentService.ZONE);
        List<Long> memberIds = groups.participantIds(groupId);
        Map<Long, User> users = User.byIds(memberIds);
        List<Long> clients = memberIds.stream().filter(id -> users.containsKey(id) && users.get(id).role == Role.CLIENT
                && users.get(id).active).toList();
        List<Long> remove = current.stream().filter(id -> !clients.contains(id)).toList();
        int room = config.groupMaxClients() - (current.size() - remove.size());
        Map<Long, Long> add = new LinkedHashMap<>();
        List<SkippedMember> skipped = new ArrayList<>();
        for (Long id : clients) {
            if (current.contains(id)) {
                continue;
            }
            String name = users.get(id).displayName;
            if (!access.canSeeClient(specialist, id)) {
                skipped.add(new SkippedMember(id, name, NOT_FOLLOWED));
                continue;
            }
            Long periodId = periods.periodCovering(id, specialist.id(), day).orElse(null);
            if (periodId == null) {
                skipped.add(new SkippedMember(id, name, NO_PERIOD));
                continue;
            }
            RemoteWorkGate.Status status = remoteWork.statusOf(id, List.of(periodId)).get(periodId);
            if (status != null && !status.allowed()) {
                skipped.add(new SkippedMember(id, name, status.refusal().problemType));
            } else if (Appointment.overlaps(id, true, start, end, appointmentId)) {
                skipped.add(new SkippedMember(id, name, BUSY));
            } else if (add.size() >= room) {
                skipped.add(new SkippedMember(id, name, GROUP_FULL));
            } else {
                add.put(id, periodId);
            }
        }
        return new Plan(add, remove, skipped);
    }
}
