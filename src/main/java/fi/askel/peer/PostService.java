package fi.askel.peer;

import fi.askel.common.ApiException;
import fi.askel.common.Messages;
import fi.askel.identity.Caller;
import fi.askel.peer.GroupAccess.PostAccess;
import fi.askel.peer.GroupAccess.ThreadAccess;
import fi.askel.peer.PeerViews.PostView;
import fi.askel.peer.PeerViews.RevisionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writing in a thread: replies, edits within the edit window, removal by the author, and the checks
 * every post passes (size, posting rate, distress signals).
 */
@ApplicationScoped
public class PostService {

    record Added(Post post, boolean distress) {}

    private final GroupAccess access;
    private final PostViews views;
    private final DistressSignals signals;
    private final NotificationService notifications;
    private final PeerConfig config;
    private final Messages messages;

    public PostService(GroupAccess access, PostViews views, DistressSignals signals, NotificationService notifications,
            PeerConfig config, Messages messages) {
        this.access = access;
        this.views = views;
        this.signals = signals;
        this.notifications = notifications;
        this.config = config;
        this.messages = messages;
    }

    @Transactional
    public PostView reply(Caller caller, Long threadId, String body, Long replyTo) {
        ThreadAccess ta = access.thread(caller, threadId);
        Access a = ta.access();
        a.requireOpen();
        a.requireRulesAccepted();
        if (ta.thread().isLocked() && !a.isModerator()) {
            throw ApiException.conflict("thread-locked", "peer.thread.locked");
        }
        String text = checkBody(body);
        Post target = null;
        if (replyTo != null) {
            target = Post.findById(replyTo);
            if (target == null || !target.threadId.equals(threadId)) {
                throw ApiException.invalid("replyTo", "peer.post.reply-to.invalid");
            }
        }
        checkRate(a);
        Added added = append(a, ta.thread(), text, target, false);
        PostView view = views.one(a, ta.thread(), added.post());
        return added.distress() ? view.withCrisisHelp(crisisHelp(caller)) : view;
    }

    /** Stores a post and tells whoever should know: the replied-to author, the thread's author, and on distress the moderators. */
    Added append(Access a, DiscussionThread thread, String body, Post replyTo, boolean first) {
        Instant now = Instant.now();
        // The thread row is updated (and so locked) before the post's insert takes its foreign-key lock on
        // it: concurrent replies then queue up instead of deadlocking on two shared locks.
        DiscussionThread.recordPost(thread.id, now);
        Post p = new Post();
        p.threadId = thread.id;
        p.groupId = thread.groupId;
        p.authorId = a.caller().id();
        // A reply names the post it answers; threads stay flat (one level), so replies are not nested further.
        p.replyToId = replyTo == null ? null : replyTo.id;
        p.body = body;
        p.createdAt = now;
        p.distress = signals.matches(first ? thread.title + "\n" + body : body);
        p.persist();
        Long me = a.caller().id();
        if (replyTo != null && replyTo.authorId != null && !replyTo.authorId.equals(me) && !replyTo.isDeleted()) {
            notifications.notify(replyTo.authorId, thread.groupId, thread.id, p.id, Notification.Kind.REPLY);
        }
        if (!first && thread.authorId != null && !thread.authorId.equals(me)
                && (replyTo == null || !thread.authorId.equals(replyTo.authorId))) {
            notifications.notify(thread.authorId, thread.groupId, thread.id, p.id, Notification.Kind.REPLY);
        }
        if (p.distress) {
            alert(p);
        }
        return new Added(p, p.distress);
    }

    @Transactional
    public PostView edit(Caller caller, Long postId, String body) {
        PostAccess pa = access.post(caller, postId);
        Post p = pa.post();
        if (!caller.id().equals(p.authorId)) {
            throw ApiException.forbidden("peer.post.not-yours");
        }
        pa.access().requireOpen();
        if (p.isDeleted() || p.isHidden() || pa.thread().isLocked() || !views.withinEditWindow(p)) {
            throw ApiException.conflict("edit-closed", "peer.post.edit-closed", config.editWindowMinutes());
        }
        String text = checkBody(body);
        if (!text.equals(p.body)) {
            keepRevision(p);
            p.body = text;
            p.editedAt = Instant.now();
            if (!p.distress && signals.matches(text)) {
                p.distress = true;
                alert(p);
                return views.one(pa.access(), pa.thread(), p).withCrisisHelp(crisisHelp(caller));
            }
        }
        return views.one(pa.access(), pa.thread(), p);
    }

    /** The author removes their post: readers see "removed by author"; moderators keep the text in its history. */
    @Transactional
    public PostView delete(Caller caller, Long postId) {
        PostAccess pa = access.post(caller, postId);
        Post p = pa.post();
        if (!caller.id().equals(p.authorId)) {
            throw ApiException.forbidden("peer.post.not-yours");
        }
        pa.access().requireOpen();
        if (!p.isDeleted()) {
            keepRevision(p);
            p.body = "";
            p.deletedAt = Instant.now();
        }
        return views.one(pa.access(), pa.thread(), p);
    }

    @Transactional
    public List<RevisionView> revisions(Caller caller, Long postId) {
        PostAccess pa = access.post(caller, postId);
        pa.access().requireModerator();
        List<RevisionView> list = new ArrayList<>();
        for (PostRevision r : PostRevision.listByPost(postId)) {
            list.add(new RevisionView(r.body, r.createdAt));
        }
        return list;
    }

    String checkBody(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw ApiException.invalid("body", "peer.post.body.required");
        }
        if (text.length() > config.maxBodyChars()) {
            throw ApiException.invalid("body", "peer.post.body.too-long", config.maxBodyChars(), text.length());
        }
        return text;
    }

    /** Clients post at most askel.peer.rate-limit-posts times in askel.peer.rate-limit-minutes; counted in the database. */
    void checkRate(Access a) {
        if (a.isModerator()) {
            return;
        }
        Instant since = Instant.now().minus(Duration.ofMinutes(config.rateLimitMinutes()));
        if (Post.countRecentByAuthor(a.caller().id(), since) >= config.rateLimitPosts()) {
            throw new ApiException(429, "rate-limited", "peer.post.rate-limited", List.of(),
                    config.rateLimitPosts(), config.rateLimitMinutes());
        }
    }

    String crisisHelp(Caller caller) {
        return messages.get(caller.locale(), "peer.crisis.help");
    }

    private void alert(Post p) {
        Report r = new Report();
        r.groupId = p.groupId;
        r.postId = p.id;
        r.kind = Report.Kind.DISTRESS;
        r.createdAt = Instant.now();
        r.persist();
        notifications.notifyModerators(p.groupId, p.threadId, p.id, Notification.Kind.DISTRESS, p.authorId);
    }

    private static void keepRevision(Post p) {
        PostRevision r = new PostRevision();
        r.postId = p.id;
        r.body = p.body;
        r.createdAt = Instant.now();
        r.persist();
    }
}
