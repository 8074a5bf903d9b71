package fi.askel.remote.appointment;

import fi.askel.identity.Caller;
import fi.askel.peer.Access;
import fi.askel.peer.GroupAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What group sessions need of the peer groups: whether a specialist moderates one, and its members. */
@ApplicationScoped
class PeerGroupCheck {

    private final GroupAccess groups;

    PeerGroupCheck(GroupAccess groups) {
        this.groups = groups;
    }

    boolean canModerate(Caller caller, Long groupId) {
        return groups.find(caller, groupId).map(Access::isModerator).orElse(false);
    }

    /** The open groups the caller moderates, by name. */
    List<GroupAppointmentsPage.GroupOption> moderated(Caller caller) {
        return groups.visibleGroups(caller).stream().filter(Access::isModerator).filter(a -> !a.group().isArchived())
                .map(a -> new GroupAppointmentsPage.GroupOption(a.groupId(), a.group().name)).toList();
    }

    /** The group's current members other than its moderators, in the order they joined. */
    List<Long> participantIds(Long groupId) {
        return groups.participantIds(groupId);
    }
}
