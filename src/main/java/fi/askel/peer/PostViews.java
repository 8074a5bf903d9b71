package fi.askel.peer;

import fi.askel.peer.PeerViews.AuthorView;
import fi.askel.peer.PeerViews.PostView;
import fi.askel.peer.PeerViews.ReplyRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Posts as one reader may see them: a removed post shows only that it was removed, a hidden post shows
 * its text only to its author and the moderators, and authors are named through {@link Authors}.
 */
@ApplicationScoped
public class PostViews {

    private final Authors authors;
    private final PostMarkdown markdown;
    private final PeerConfig config;

    public PostViews(Authors authors, PostMarkdown markdown, PeerConfig config) {
        this.authors = authors;
        this.markdown = markdown;
        this.config = config;
    }

    public List<PostView> build(Access reader, DiscussionThread thread, List<Post> posts, long lastRead) {
        Map<Long, Post> replyTargets = replyTargets(posts);
        return build(reader, thread, posts, replyTargets, authors.forGroup(reader, authorIds(posts, replyTargets, null)), lastRead);
    }

    /** The posts these reply to, read only for those not among them (a reply to a post on the same page costs nothing). */
    public Map<Long, Post> replyTargets(List<Post> posts) {
        Map<Long, Post> onPage = posts.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
        Set<Long> missing = posts.stream().map(p -> p.replyToId)
                .filter(id -> id != null && !onPage.containsKey(id)).collect(Collectors.toSet());
        Map<Long, Post> targets = new java.util.HashMap<>(onPage);
        Post.listByIds(missing).forEach(p -> targets.put(p.id, p));
        return targets;
    }

    /** Everyone to be named beside these posts: their authors, the authors they reply to, and {@code also} (if not null). */
    public static Set<Long> authorIds(List<Post> posts, Map<Long, Post> replyTargets, Long also) {
        Set<Long> ids = new HashSet<>();
        posts.forEach(p -> ids.add(p.authorId));
        posts.stream().map(p -> p.replyToId).filter(java.util.Objects::nonNull)
                .map(replyTargets::get).filter(java.util.Objects::nonNull).forEach(p -> ids.add(p.authorId));
        if (also != null) {
            ids.add(also);
        }
        return ids;
    }

    /** The posts with names already looked up (Authors.forGroup over {@link #authorIds}). */
    public List<PostView> build(Access reader, DiscussionThread thread, List<Post> posts, Map<Long, Post> replyTargets,
            Map<Long, AuthorView> names, long lastRead) {
        List<PostView> views = new ArrayList<>();
        for (Post p : posts) {
            Post target = p.replyToId == null ? null : replyTargets.get(p.replyToId);
            views.add(view(reader, thread, p, names.get(p.authorId),
                    target == null ? null : new ReplyRef(target.id, names.get(target.authorId).name()), lastRead));
        }
        return views;
    }

    public PostView one(Access reader, DiscussionThread thread, Post post) {
        return build(reader, thread, List.of(post), Long.MAX_VALUE).get(0);
    }

    private PostView view(Access reader, DiscussionThread thread, Post p, AuthorView author, ReplyRef replyTo, long lastRead) {
        boolean mine = reader.caller().id().equals(p.authorId);
        boolean moderator = reader.isModerator();
        boolean open = !reader.group().isArchived();
        boolean removed = p.isDeleted();
        boolean showText = !removed && (!p.isHidden() || mine || moderator);
        boolean canEdit = mine && open && !removed && !p.isHidden() && !thread.isLocked() && withinEditWindow(p);
        boolean canReply = open && !removed && (!thread.isLocked() || moderator) && (!p.isHidden() || moderator);
        return new PostView(p.id, p.threadId, author, replyTo, p.createdAt, p.editedAt, p.editedAt != null, removed,
                p.isHidden(), p.isHidden() && (mine || moderator) ? p.hiddenReason : null,
                showText ? p.body : null, showText ? markdown.toHtml(p.body) : null,
                !mine && p.id > lastRead, canEdit, mine && open && !removed, canReply,
                mine || moderator ? p.distress : null, null);
    }

    boolean withinEditWindow(Post p) {
        return Instant.now().isBefore(p.createdAt.plus(Duration.ofMinutes(config.editWindowMinutes())));
    }
}
