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
        Set<Long> replyIds = posts.stream().map(p -> p.replyToId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<Long, Post> replyTargets = Post.listByIds(replyIds).stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
        Set<Long> authorIds = new HashSet<>();
        posts.forEach(p -> authorIds.add(p.authorId));
        replyTargets.values().forEach(p -> authorIds.add(p.authorId));
        Map<Long, AuthorView> names = authors.forGroup(reader, authorIds);
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
