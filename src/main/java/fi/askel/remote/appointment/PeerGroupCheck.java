package fi.askel.remote.appointment;

import fi.askel.identity.Caller;
import fi.askel.peer.Access;
import fi.askel.peer.GroupAccess;
import jakarta.enterprise.context.ApplicationScoped;

/** Whether a specialist may hold a group session for a peer group: they moderate it. */
@ApplicationScoped
class PeerGroupCheck {

    private final GroupAccess groups;

    PeerGroupCheck(GroupAccess groups) {
        this.groups = groups;
    }

    boolean canModerate(Caller caller, Long groupId) {
        return groups.find(caller, groupId).map(Access::isModerator).orElse(false);
    }
}
