package fi.askel.peer;

import fi.askel.common.ApiException;
import fi.askel.identity.Caller;
import fi.askel.peer.GroupAccess.ThreadAccess;
import fi.askel.peer.PeerRequests.CreateThreadRequest;
import fi.askel.peer.PeerViews.AuthorView;
import fi.askel.peer.PeerViews.PageOf;
import fi.askel.peer.PeerViews.PostView;
import fi.askel.peer.PeerViews.ThreadDetailView;
import fi.askel.peer.PeerViews.ThreadView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Threads of a group: listing (pinned, then newest activity), starting one, reading one, locking and pinning. */
@ApplicationScoped
public class ThreadService {

    private final GroupAccess access;
    private final PostService posts;
    private final PostViews postViews;
    private final Authors authors;
    private final UnreadCounts unread;
    private final PeerConfig config;
    private final NotificationService notifications;
    private final EntityManager em;

    public ThreadService(GroupAccess access, PostService posts, PostViews postViews, Authors authors,
            UnreadCounts unread, PeerConfig config, NotificationService notifications, EntityManager em) {
        this.em = em;
        this.access = access;
        this.posts = posts;
        this.postViews = postViews;
        this.authors = authors;
        this.unread = unread;
        this.config = config;
        this.notifications = notifications;
    }

    @Transactional
    public PageOf<ThreadView> list(Caller caller, Long groupId, int page) {
        Access a = access.group(caller, groupId);
        int size = config.pageSize();
        List<DiscussionThread> threads = DiscussionThread.listByGroup(groupId, Math.max(0, page), size);
        List<Long> ids = threads.stream().map(t -> t.id).toList();
        Map<Long, Long> newPosts = unread.byThread(caller.id(), ids);
        Map<Long, AuthorView> names = authors.forGroup(a, threads.stream().map(t -> t.authorId).toList());
        List<Long> hidden = DiscussionThread.listHiddenFirstPosts(ids);
        List<ThreadView> views = threads.stream().map(t -> new ThreadView(t.id,
                titleFor(a, t, hidden.contains(t.id)), names.get(t.authorId), t.createdAt, t.lastActivityAt, t.postCount,
                newPosts.getOrDefault(t.id, 0L), t.pinned, t.isLocked(), hidden.contains(t.id)))
                .toList();
        return PageOf.of(views, Math.max(0, page), size, DiscussionThread.countByGroup(groupId));
    }

    /** Starts a thread; its body is the thread's first post, checked like any post. */
    @Transactional
    public ThreadDetailView create(Caller caller, Long groupId, CreateThreadRequest req) {
        Access a = access.group(caller, groupId);
        a.requireOpen();
        a.requireRulesAccepted();
        String title = req == null || req.title() == null ? "" : req.title().strip().replaceAll("\\s+", " ");
        if (title.isEmpty() || title.length() > 200) {
            throw ApiException.invalid("title", "peer.thread.title.invalid", 200);
        }
        String body = posts.checkBody(req == null ? null : req.body());
        posts.checkRate(a);
        DiscussionThread t = new DiscussionThread();
        t.groupId = groupId;
        t.authorId = caller.id();
        t.title = title;
        t.createdAt = Instant.now();
        t.lastActivityAt = t.createdAt;
        t.persist();
        PostService.Added first = posts.append(a, t, body, null, true);
        for (Member m : Member.listActiveByGroup(groupId)) {
            if (m.moderator && !m.userId.equals(caller.id())) {
                notifications.notify(m.userId, groupId, t.id, first.post().id, Notification.Kind.NEW_THREAD);
            }
        }
        ThreadDetailView detail = read(a, t, 0, 0);
        return first.distress() ? withCrisis(detail, first.post().id, posts.crisisHelp(caller)) : detail;
    }

    /**
     * A page of the thread's posts, oldest first, and the reader's marker moved past them. With
     * {@code postId} the page holding that post is shown (links from notifications).
     */
    @Transactional
    public ThreadDetailView get(Caller caller, Long threadId, Integer page, Long postId) {
        // One query for the thread, its group, the caller's membership, their read marker and how many posts it covers.
        List<Object[]> rows = threadId == null ? List.of() : em.createQuery("select t, g, m, coalesce(r.lastReadPostId, 0),"
                        + " (select count(q) from Post q where q.threadId = t.id and q.id <= r.lastReadPostId)"
                        + GroupAccess.THREAD_FROM + " left join ThreadRead r on r.key.threadId = t.id and r.key.userId = :user"
                        + " where t.id = :id", Object[].class)
                .setParameter("user", caller.id()).setParameter("id", threadId).getResultList();
        Object[] row = rows.isEmpty() ? null : rows.get(0);
        ThreadAccess ta = row == null ? null : access.threadAccess(caller, row).orElse(null);
        if (ta == null) {
            throw ApiException.notFound("thread");
        }
        long read = ((Number) row[3]).longValue();
        int size = config.pageSize();
        int p = page == null ? 0 : Math.max(0, page);
        if (postId != null) {
            p = (int) Math.max(0, (Post.countByThreadUpTo(threadId, postId) - 1) / size);
        } else if (page == null && read != 0) {
            // Open at the first unread post, as a returning reader expects (the last page when all is read).
            long seen = ((Number) row[4]).longValue();
            long total = ta.thread().postCount;
            p = seen >= total ? (int) ((total - 1) / size) : (int) (seen / size);
        }
        return read(ta.access(), ta.thread(), p, read);
    }

    @Transactional
    public ThreadDetailView moderate(Caller caller, Long threadId, Boolean lock, Boolean pin) {
        ThreadAccess ta = access.thread(caller, threadId);
        ta.access().requireModerator();
        DiscussionThread t = ta.thread();
        if (lock != null) {
            if (lock && !t.isLocked()) {
                t.lockedAt = Instant.now();
                t.lockedBy = caller.id();
                if (t.authorId != null && !t.authorId.equals(caller.id())) {
                    notifications.notify(t.authorId, t.groupId, t.id, null, Notification.Kind.THREAD_LOCKED);
                }
            } else if (!lock) {
                t.lockedAt = null;
                t.lockedBy = null;
            }
        }
        if (pin != null) {
            t.pinned = pin;
        }
        return read(ta.access(), t, 0, unread.lastRead(caller.id(), t.id));
    }

    /** A page of posts, the names beside them (one lookup) and the reader's marker moved past them. */
    private ThreadDetailView read(Access a, DiscussionThread t, int page, long lastRead) {
        int size = config.pageSize();
        List<Post> list = Post.listByThread(t.id, page, size);
        Map<Long, Post> targets = postViews.replyTargets(list);
        Map<Long, AuthorView> names = authors.forGroup(a, PostViews.authorIds(list, targets, t.authorId));
        List<PostView> views = postViews.build(a, t, list, targets, names, lastRead);
        if (!list.isEmpty()) {
            unread.markRead(a.caller().id(), t.id, list.get(list.size() - 1).id);
        }
        boolean canPost = !a.group().isArchived() && (!t.isLocked() || a.isModerator());
        // The thread's first post is the first of page 0; other pages ask.
        boolean hidden = page == 0 && !list.isEmpty() ? list.get(0).isHidden()
                : !DiscussionThread.listHiddenFirstPosts(List.of(t.id)).isEmpty();
        return new ThreadDetailView(t.id, t.groupId, a.group().name, titleFor(a, t, hidden), names.get(t.authorId),
                t.createdAt, t.pinned, t.isLocked(), a.group().isArchived(), a.isModerator(), canPost, hidden,
                PageOf.of(views, page, size, t.postCount));
    }

    /** A hidden thread's title is shown only to its author and the moderators. */
    static String titleFor(Access a, DiscussionThread t, boolean hidden) {
        return !hidden || a.isModerator() || a.caller().id().equals(t.authorId) ? t.title : null;
    }

    private static ThreadDetailView withCrisis(ThreadDetailView d, Long postId, String help) {
        List<PostView> items = d.posts().items().stream().map(p -> p.id().equals(postId) ? p.withCrisisHelp(help) : p).toList();
        return new ThreadDetailView(d.id(), d.groupId(), d.groupName(), d.title(), d.author(), d.createdAt(), d.pinned(),
                d.locked(), d.archived(), d.moderator(), d.canPost(), d.hidden(),
                new PageOf<>(items, d.posts().page(), d.posts().size(), d.posts().total(), d.posts().totalPages()));
    }
}
