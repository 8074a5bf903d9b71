package fi.askel.peer;

import fi.askel.common.ApiException;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who sees which group. Members see their group (clients of an archived group only for
 * askel.peer.archive-read-days more); admins see every group; nobody else learns that it exists.
 */
@ApplicationScoped
public class GroupAccess {

    /** A thread t, its group g and the caller's current membership m (if any): selected together, one query. */
    static final String THREAD_FROM = " from DiscussionThread t join PeerGroup g on g.id = t.groupId"
            + " left join Member m on m.groupId = t.groupId and m.userId = :user and m.removedAt is null";

    private final PeerConfig config;
    private final EntityManager em;

    public GroupAccess(PeerConfig config, EntityManager em) {
        this.config = config;
        this.em = em;
    }

    public Access group(Caller caller, Long groupId) {
        return find(caller, groupId).orElseThrow(() -> ApiException.notFound("peer-group"));
    }

    public Optional<Access> find(Caller caller, Long groupId) {
        PeerGroup group = groupId == null ? null : PeerGroup.findById(groupId);
        if (group == null) {
            return Optional.empty();
        }
        Member member = Member.findByGroupAndUser(groupId, caller.id()).filter(Member::isActive).orElse(null);
        Access access = new Access(caller, group, member);
        return visible(access) ? Optional.of(access) : Optional.empty();
    }

    /** The thread and the caller's access to its group; 404 alike for a missing thread and a foreign one. One query. */
    public ThreadAccess thread(Caller caller, Long threadId) {
        List<Object[]> rows = threadId == null ? List.of() : em.createQuery("select t, g, m" + THREAD_FROM + " where t.id = :id", Object[].class)
                .setParameter("user", caller.id()).setParameter("id", threadId).getResultList();
        return rows.stream().findFirst().flatMap(r -> threadAccess(caller, r))
                .orElseThrow(() -> ApiException.notFound("thread"));
    }

    /** A row selecting t, g, m {@link #THREAD_FROM} (thread, group, membership or null) as access, if the caller may see the group. */
    Optional<ThreadAccess> threadAccess(Caller caller, Object[] row) {
        Access access = new Access(caller, (PeerGroup) row[1], (Member) row[2]);
        return visible(access) ? Optional.of(new ThreadAccess(access, (DiscussionThread) row[0])) : Optional.empty();
    }

    public PostAccess post(Caller caller, Long postId) {
        Post post = postId == null ? null : Post.findById(postId);
        Optional<Access> access = post == null ? Optional.empty() : find(caller, post.groupId);
        return access.map(a -> new PostAccess(a, post, DiscussionThread.<DiscussionThread>findById(post.threadId)))
                .orElseThrow(() -> ApiException.notFound("post"));
    }

    /** Groups the caller sees: all for an admin, otherwise their own. */
    public List<Access> visibleGroups(Caller caller) {
        if (caller.role() == Role.ADMIN) {
            return PeerGroup.listAllOrdered().stream()
                    .map(g -> new Access(caller, g, Member.findByGroupAndUser(g.id, caller.id())
                            .filter(Member::isActive).orElse(null)))
                    .toList();
        }
        // The caller's current memberships and their groups, in one query.
        return em.createQuery("select g, m from Member m join PeerGroup g on g.id = m.groupId"
                        + " where m.userId = :user and m.removedAt is null order by g.name, g.id", Object[].class)
                .setParameter("user", caller.id()).getResultList().stream()
                .map(r -> new Access(caller, (PeerGroup) r[0], (Member) r[1]))
                .filter(this::visible)
                .toList();
    }

    /**
     * The user ids of a group's current members who are not its moderators, in the order they joined: the
     * people a group session for the group is held with (the caller of this has checked they moderate it).
     */
    public List<Long> participantIds(Long groupId) {
        return Member.listActiveByGroup(groupId).stream().filter(m -> !m.moderator)
                .sorted(java.util.Comparator.comparing((Member m) -> m.joinedAt).thenComparing(m -> m.id))
                .map(m -> m.userId).toList();
    }

    /** Until when clients can still read an archived group. */
    public Instant readableUntil(PeerGroup group) {
        return group.archivedAt == null ? null : group.archivedAt.plus(Duration.ofDays(config.archiveReadDays()));
    }

    /** Whether the caller of this access may see its group (see the class comment). */
    boolean visible(Access access) {
        if (access.isAdmin()) {
            return true;
        }
        if (access.member() == null) {
            return false;
        }
        return access.isModerator() || !access.group().isArchived()
                || Instant.now().isBefore(readableUntil(access.group()));
    }

    public record ThreadAccess(Access access, DiscussionThread thread) {}

    public record PostAccess(Access access, Post post, DiscussionThread thread) {}
}
