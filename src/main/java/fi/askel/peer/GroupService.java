package fi.askel.peer;

import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.common.db.Counts;
import fi.askel.common.db.IdList;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.identity.UserService;
import fi.askel.peer.PeerRequests.CreateGroupRequest;
import fi.askel.privacy.AccessKind;
import fi.askel.privacy.AccessLog;
import fi.askel.peer.PeerRequests.MySettingsRequest;
import fi.askel.peer.PeerRequests.UpdateGroupRequest;
import fi.askel.peer.PeerViews.GroupView;
import fi.askel.peer.PeerViews.MemberView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Groups and their members: who creates, joins, leaves and archives, and each member's own settings. */
@ApplicationScoped
public class GroupService {

    private final GroupAccess access;
    private final UserService users;
    private final UnreadCounts unread;
    private final NotificationService notifications;
    private final AccessLog accessLog;

    public GroupService(GroupAccess access, UserService users, UnreadCounts unread, NotificationService notifications,
            AccessLog accessLog) {
        this.accessLog = accessLog;
        this.access = access;
        this.users = users;
        this.unread = unread;
        this.notifications = notifications;
    }

    /** A specialist creates a group and moderates it; an admin creates one and adds its specialists. */
    @Transactional
    public GroupView create(Caller caller, CreateGroupRequest req) {
        if (caller.role() == Role.CLIENT) {
            throw ApiException.forbidden("error.forbidden");
        }
        PeerGroup group = new PeerGroup();
        applyDetails(group, req == null ? null : req.name(), req == null ? null : req.description(), null);
        group.createdBy = caller.id();
        group.createdAt = Instant.now();
        group.persist();
        if (caller.role() == Role.SPECIALIST) {
            join(group, users.findById(caller.id()).orElseThrow(), caller.id());
        }
        return view(access.group(caller, group.id));
    }

    @Transactional
    public GroupView update(Caller caller, Long groupId, UpdateGroupRequest req) {
        Access a = access.group(caller, groupId);
        a.requireModerator();
        if (req == null) {
            throw ApiException.invalid("body", "error.body.required");
        }
        applyDetails(a.group(), req.name(), req.description(), req.rules());
        return view(a);
    }

    @Transactional
    public List<GroupView> list(Caller caller) {
        List<Access> groups = access.visibleGroups(caller);
        return views(groups, unread.byGroup(caller.id(), groups.stream().map(Access::groupId).toList()));
    }

    /**
     * For the dashboard: the caller's groups that have posts they have not read. For members, one query: the
     * memberships, their groups, unread posts, member and open-report counts together.
     */
    @Transactional
    public List<GroupView> withNewPosts(Caller caller) {
        if (caller.role() == Role.ADMIN) {
            return list(caller).stream().filter(g -> g.newPosts() > 0).toList();
        }
        List<GroupView> views = new ArrayList<>();
        for (Object[] row : Member.getEntityManager().createQuery("select g, m, (select count(p) from Post p where p.groupId = g.id"
                        + " and" + UnreadCounts.UNREAD + "), (select count(x) from Member x where x.groupId = g.id and x.removedAt is null),"
                        + " (select count(r) from Report r where r.groupId = g.id and r.resolvedAt is null)"
                        + " from Member m join PeerGroup g on g.id = m.groupId where m.userId = :user and m.removedAt is null"
                        + " order by g.name, g.id", Object[].class)
                .setParameter("user", caller.id()).getResultList()) {
            long newPosts = (Long) row[2];
            Access a = new Access(caller, (PeerGroup) row[0], (Member) row[1]);
            if (newPosts > 0 && access.visible(a)) {
                views.add(view(a, newPosts, (Long) row[3], a.isModerator() ? (Long) row[4] : null));
            }
        }
        return views;
    }

    /** Views of many groups: member and open-report counts in one grouped query each, however many groups. */
    private List<GroupView> views(List<Access> groups, Map<Long, Long> newPosts) {
        if (groups.isEmpty()) {
            return List.of();
        }
        IdList all = IdList.of(groups.stream().map(Access::groupId).toList(), 1);
        Map<Long, Long> members = UnreadCounts.grouped(all.bind(Member.getEntityManager().createQuery("select m.groupId, count(m)"
                + " from Member m where " + all.in("m.groupId") + " and m.removedAt is null group by m.groupId", Object[].class))
                .getResultList());
        List<Long> moderated = groups.stream().filter(Access::isModerator).map(Access::groupId).toList();
        IdList mod = moderated.isEmpty() ? null : IdList.of(moderated, 1);
        Map<Long, Long> reports = mod == null ? Map.of() : UnreadCounts.grouped(mod.bind(Report.getEntityManager().createQuery(
                "select r.groupId, count(r) from Report r where " + mod.in("r.groupId") + " and r.resolvedAt is null group by r.groupId",
                Object[].class)).getResultList());
        return groups.stream().map(a -> view(a, newPosts.getOrDefault(a.groupId(), 0L), members.getOrDefault(a.groupId(), 0L),
                a.isModerator() ? reports.getOrDefault(a.groupId(), 0L) : null)).toList();
    }

    @Transactional
    public GroupView get(Caller caller, Long groupId) {
        return view(access.group(caller, groupId));
    }

    /** Archived groups are read-only; clients keep read access for askel.peer.archive-read-days. */
    @Transactional
    public GroupView setArchived(Caller caller, Long groupId, boolean archived) {
        Access a = access.group(caller, groupId);
        a.requireModerator();
        a.group().archivedAt = archived ? (a.group().archivedAt != null ? a.group().archivedAt : Instant.now()) : null;
        return view(a);
    }

    @Transactional
    public List<MemberView> members(Caller caller, Long groupId) {
        Access a = access.group(caller, groupId);
        List<Member> members = Member.listActiveByGroup(groupId);
        IdList in = members.isEmpty() ? null : IdList.of(members.stream().map(m -> m.userId).toList(), 1);
        Map<Long, User> byId = in == null ? Map.of() : User.<User>list(in.in("id"), in.after()).stream()
                .collect(Collectors.toMap(u -> u.id, Function.identity()));
        List<MemberView> views = new ArrayList<>();
        for (Member m : members) {
            User u = byId.get(m.userId);
            String name = m.moderator ? u.displayName : m.pseudonym;
            boolean staff = a.isModerator();
            views.add(new MemberView(name, m.moderator, m.joinedAt, staff ? u.id : null,
                    staff && !m.moderator ? u.displayName : null, staff ? u.username : null));
        }
        accessLog.recordEach(caller, a.isModerator() ? members.stream().filter(m -> !m.moderator).map(m -> m.userId).toList() : List.of(), AccessKind.PSEUDONYM_REVEALED);
        return views;
    }

    /** Adds a client or a specialist (who then moderates); a removed member comes back with the same pseudonym. */
    @Transactional
    public MemberView addMember(Caller caller, Long groupId, Long userId) {
        Access a = access.group(caller, groupId);
        a.requireModerator();
        a.requireOpen();
        if (userId == null) {
            throw ApiException.invalid("userId", "peer.member.user-required");
        }
        // Only someone the caller may see (an admin everyone, a specialist the ClientDirectory's clients), and
        // one answer for "not yours", "not a member kind" and "no such account": no enumerating accounts by id.
        User user = users.findVisible(caller, userId).filter(u -> u.active && u.role != Role.ADMIN)
                .orElseThrow(() -> ApiException.notFound("user"));
        Member member = Member.findByGroupAndUser(groupId, userId).orElse(null);
        if (member != null && member.isActive()) {
            throw ApiException.conflict("already-member", "peer.member.already");
        }
        if (member == null) {
            member = UniqueKeys.writeOr(ApiException.conflict("already-member", "peer.member.already"),
                    () -> join(a.group(), user, caller.id()));
        } else {
            member.removedAt = null;
            member.addedBy = caller.id();
        }
        notifications.notify(userId, groupId, null, null, Notification.Kind.ADDED);
        accessLog.recordEach(caller, user.role == Role.CLIENT ? List.of(userId) : List.of(), AccessKind.GROUP_MEMBERSHIP_CHANGED);
        return new MemberView(member.moderator ? user.displayName : member.pseudonym, member.moderator, member.joinedAt,
                user.id, member.moderator ? null : user.displayName, user.username);
    }

    /** Removes a member: they lose access at once; their posts stay under their pseudonym. */
    @Transactional
    public void removeMember(Caller caller, Long groupId, Long userId) {
        Access a = access.group(caller, groupId);
        a.requireModerator();
        Member member = Member.findByGroupAndUser(groupId, userId).filter(Member::isActive)
                .orElseThrow(() -> ApiException.notFound("member"));
        if (member.moderator && Member.listModerators(groupId).size() == 1) {
            throw ApiException.conflict("last-moderator", "peer.member.last-moderator");
        }
        member.removedAt = Instant.now();
        accessLog.recordEach(caller, member.moderator ? List.of() : List.of(userId), AccessKind.GROUP_MEMBERSHIP_CHANGED);
    }

    @Transactional
    public GroupView updateMySettings(Caller caller, Long groupId, MySettingsRequest req) {
        Access a = access.group(caller, groupId);
        Member me = a.member();
        if (me == null) {
            throw ApiException.forbidden("peer.member.only");
        }
        if (req != null && req.pseudonym() != null && !me.moderator) {
            String pseudonym = Pseudonyms.validate(req.pseudonym());
            if (Pseudonyms.isTaken(groupId, pseudonym, caller.id())) {
                throw ApiException.conflict("pseudonym-taken", "peer.pseudonym.taken", pseudonym);
            }
            UniqueKeys.writeOr(ApiException.conflict("pseudonym-taken", "peer.pseudonym.taken", pseudonym),
                    () -> me.pseudonym = pseudonym);
        }
        if (req != null && req.emailDigest() != null) {
            me.emailDigest = req.emailDigest();
            me.digestSentAt = req.emailDigest() ? Instant.now() : me.digestSentAt;
        }
        return view(a);
    }

    @Transactional
    public GroupView acceptRules(Caller caller, Long groupId) {
        Access a = access.group(caller, groupId);
        if (a.member() != null && a.member().rulesAcceptedAt == null) {
            a.member().rulesAcceptedAt = Instant.now();
        }
        return view(a);
    }

    GroupView view(Access a) {
        return view(a, unread.byGroup(a.caller().id(), List.of(a.groupId())).getOrDefault(a.groupId(), 0L),
                Counts.of("select count(*) from Member where groupId = ?1 and removedAt is null", a.groupId()),
                a.isModerator() ? Report.countOpenByGroup(a.groupId()) : null);
    }

    private GroupView view(Access a, long newPosts, long members, Long openReports) {
        PeerGroup g = a.group();
        Member me = a.member();
        boolean rulesAccepted = !a.isClient() || (me != null && me.rulesAcceptedAt != null);
        return new GroupView(g.id, g.name, g.description, g.isArchived(), g.archivedAt, access.readableUntil(g),
                (int) members, newPosts, a.isModerator(),
                me == null || me.moderator ? null : me.pseudonym, rulesAccepted, me == null ? null : me.emailDigest,
                openReports, g.rules);
    }

    private Member join(PeerGroup group, User user, Long addedBy) {
        Member m = new Member();
        m.groupId = group.id;
        m.userId = user.id;
        m.moderator = user.role == Role.SPECIALIST;
        // A specialist's name is kept as their pseudonym too: no client can then take it to pose as them.
        m.pseudonym = Pseudonyms.unique(group.id, m.moderator ? truncate(user.displayName) : Pseudonyms.defaultFor(user.displayName), user.id);
        m.joinedAt = Instant.now();
        m.addedBy = addedBy;
        m.rulesAcceptedAt = m.moderator ? m.joinedAt : null;
        m.persist();
        return m;
    }

    private static void applyDetails(PeerGroup group, String name, String description, String rules) {
        List<FieldError> errors = new ArrayList<>();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 120) {
            errors.add(new FieldError("name", "peer.group.name.invalid", 120));
        }
        String d = description == null ? "" : description.strip();
        if (d.length() > 2000) {
            errors.add(new FieldError("description", "peer.group.description.too-long", 2000));
        }
        if (rules != null && rules.length() > 10000) {
            errors.add(new FieldError("rules", "peer.group.rules.too-long", 10000));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        group.name = n;
        group.description = d;
        if (rules != null) {
            group.rules = rules.isBlank() ? null : rules.strip();
        }
    }

    private static String truncate(String name) {
        return name.length() > Pseudonyms.MAX - 4 ? name.substring(0, Pseudonyms.MAX - 4).trim() : name;
    }
}
