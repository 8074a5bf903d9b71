package fi.askel.peer;

import fi.askel.common.ApiException;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;

/**
 * What the caller may do in one group. Built only by {@link GroupAccess}, which answers 404 to anyone
 * who may not see the group at all, so the existence of a group, thread or post never leaks.
 */
public record Access(Caller caller, PeerGroup group, Member member) {

    public boolean isAdmin() {
        return caller.role() == Role.ADMIN;
    }

    /** The group's specialists and admins: they moderate and see who is behind each pseudonym. */
    public boolean isModerator() {
        return isAdmin() || (member != null && member.moderator);
    }

    public boolean isClient() {
        return caller.role() == Role.CLIENT;
    }

    public Long groupId() {
        return group.id;
    }

    public void requireModerator() {
        if (!isModerator()) {
            throw ApiException.forbidden("peer.moderator-only");
        }
    }

    /** Archived groups are read-only for everyone. */
    public void requireOpen() {
        if (group.isArchived()) {
            throw ApiException.conflict("group-archived", "peer.group.archived");
        }
    }

    /** A client takes part only after accepting the group's rules (shown on the first visit). */
    public void requireRulesAccepted() {
        if (isClient() && (member == null || member.rulesAcceptedAt == null)) {
            throw ApiException.conflict("rules-not-accepted", "peer.rules.not-accepted");
        }
    }
}
