package fi.askel.peer;

import fi.askel.common.ApiException;
import fi.askel.common.Messages;
import fi.askel.identity.Caller;
import fi.askel.peer.PeerViews.NotificationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * In-app notifications. Their texts name the group and the thread and never a person, so nothing
 * here can reveal who is behind a pseudonym. Distress alerts also go out by email at once (see
 * {@link AlertMail}) once the post is safely stored.
 */
@ApplicationScoped
public class NotificationService {

    /** Fired inside the posting transaction; {@link AlertMail} mails the moderators after it commits. */
    public record DistressAlert(Long groupId, Long threadId, Long postId) {}

    private final GroupAccess access;
    private final Messages messages;
    private final Event<DistressAlert> distress;

    public NotificationService(GroupAccess access, Messages messages, Event<DistressAlert> distress) {
        this.access = access;
        this.messages = messages;
        this.distress = distress;
    }

    void notify(Long userId, Long groupId, Long threadId, Long postId, Notification.Kind kind) {
        Notification n = new Notification();
        n.userId = userId;
        n.groupId = groupId;
        n.threadId = threadId;
        n.postId = postId;
        n.kind = kind;
        n.createdAt = Instant.now();
        n.persist();
    }

    void notifyModerators(Long groupId, Long threadId, Long postId, Notification.Kind kind, Long except) {
        for (Member moderator : Member.listModerators(groupId)) {
            if (!moderator.userId.equals(except)) {
                notify(moderator.userId, groupId, threadId, postId, kind);
            }
        }
        if (kind == Notification.Kind.DISTRESS) {
            distress.fire(new DistressAlert(groupId, threadId, postId));
        }
    }

    /** The caller's latest notifications in groups they can still see. */
    @Transactional
    public List<NotificationView> list(Caller caller, boolean unreadOnly, String lang) {
        List<Notification> all = Notification.listByUser(caller.id(), unreadOnly, 50);
        Set<Long> groupIds = all.stream().map(n -> n.groupId).collect(Collectors.toSet());
        Map<Long, Access> groups = new java.util.HashMap<>();
        for (Long id : groupIds) {
            access.find(caller, id).ifPresent(a -> groups.put(id, a));
        }
        Map<Long, DiscussionThread> threads = threads(all.stream().map(n -> n.threadId).toList());
        List<Long> hidden = DiscussionThread.listHiddenFirstPosts(List.copyOf(threads.keySet()));
        List<NotificationView> views = new ArrayList<>();
        for (Notification n : all) {
            Access a = groups.get(n.groupId);
            if (a != null) {
                PeerGroup group = a.group();
                DiscussionThread thread = n.threadId == null ? null : threads.get(n.threadId);
                String visible = thread == null ? "" : ThreadService.titleFor(a, thread, hidden.contains(thread.id));
                String title = visible != null ? visible : messages.get(lang, "peer.thread.hidden-title");
                views.add(new NotificationView(n.id, n.kind.name(), group.id, group.name, n.threadId,
                        thread == null ? null : title,
                        messages.get(lang, "peer.notification." + n.kind.name().toLowerCase(), group.name, title),
                        link(n), n.createdAt, n.readAt != null));
            }
        }
        return views;
    }

    public long countUnread(Caller caller) {
        return Notification.countUnread(caller.id());
    }

    /** Marks the caller's notification read; returns where it points. */
    @Transactional
    public String markRead(Caller caller, Long id) {
        Notification n = id == null ? null : Notification.findById(id);
        if (n == null || !n.userId.equals(caller.id())) {
            throw ApiException.notFound("notification");
        }
        if (n.readAt == null) {
            n.readAt = Instant.now();
        }
        return link(n);
    }

    @Transactional
    public int markAllRead(Caller caller) {
        return Notification.markAllRead(caller.id(), Instant.now());
    }

    static String link(Notification n) {
        return switch (n.kind) {
            case REPORT, DISTRESS -> "/groups/" + n.groupId + "/moderation";
            case ADDED -> "/groups/" + n.groupId;
            default -> n.threadId == null ? "/groups/" + n.groupId
                    : "/threads/" + n.threadId + (n.postId == null ? "" : "?post=" + n.postId + "#post-" + n.postId);
        };
    }

    private static Map<Long, DiscussionThread> threads(Collection<Long> ids) {
        Set<Long> unique = new HashSet<>(ids);
        unique.remove(null);
        return unique.isEmpty() ? Map.of() : DiscussionThread.<DiscussionThread>list("id in ?1", unique).stream()
                .collect(Collectors.toMap(t -> t.id, Function.identity()));
    }
}
