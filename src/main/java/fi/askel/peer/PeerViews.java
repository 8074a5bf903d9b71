package fi.askel.peer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * What the API and the pages show. Fields that only the group's moderators may see (a client's real
 * name and user id, distress flags, hide reasons of other people's posts) are null for everyone else
 * and then left out of the JSON altogether.
 */
public final class PeerViews {

    private PeerViews() {}

    /**
     * Who wrote something, as this reader may know it: other clients see a client's pseudonym only;
     * moderators also see the real name. Specialists appear under their own name as moderators.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    /** {@code former}: the post or thread was anonymised (retention or erasure) and no longer names anyone. */
    public record AuthorView(String name, boolean moderator, boolean mine, Long userId, String realName, boolean former) {}

    /** {@code rules}: the group's own rules (Markdown-lite), or null when the built-in rules apply. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GroupView(Long id, String name, String description, boolean archived, Instant archivedAt,
            Instant readableUntil, int memberCount, long newPosts, boolean moderator, String pseudonym,
            boolean rulesAccepted, Boolean emailDigest, Long openReports, String rules) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MemberView(String name, boolean moderator, Instant joinedAt, Long userId, String realName,
            String username) {}

    /**
     * A thread in a group's list. {@code hidden}: a moderator hid its first post, so other members see
     * neither that post nor the title (null for them).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ThreadView(Long id, String title, AuthorView author, Instant createdAt, Instant lastActivityAt,
            int postCount, long newPosts, boolean pinned, boolean locked, boolean hidden) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReplyRef(Long id, String author) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PostView(Long id, Long threadId, AuthorView author, ReplyRef replyTo, Instant createdAt,
            Instant editedAt, boolean edited, boolean removed, boolean hidden, String hiddenReason, String body,
            String html, boolean unread, boolean canEdit, boolean canDelete, boolean canReply, Boolean distress,
            String crisisHelp) {

        PostView withCrisisHelp(String text) {
            return new PostView(id, threadId, author, replyTo, createdAt, editedAt, edited, removed, hidden,
                    hiddenReason, body, html, unread, canEdit, canDelete, canReply, distress, text);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ThreadDetailView(Long id, Long groupId, String groupName, String title, AuthorView author,
            Instant createdAt, boolean pinned, boolean locked, boolean archived, boolean moderator, boolean canPost,
            boolean hidden, PageOf<PostView> posts) {}

    public record PageOf<T>(List<T> items, int page, int size, long total, int totalPages) {
        public static <T> PageOf<T> of(List<T> items, int page, int size, long total) {
            return new PageOf<>(items, page, size, total, (int) Math.max(1, (total + size - 1) / size));
        }

        /** The number of the first item on this page, counting from 1. */
        public long firstNumber() {
            return (long) page * size + 1;
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < totalPages;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportView(Long id, String kind, Long groupId, String groupName, Long threadId, String threadTitle,
            Long postId, String postHtml, boolean postHidden, AuthorView postAuthor, String reason, String reporter,
            Instant createdAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RevisionView(String body, Instant replacedAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NotificationView(Long id, String kind, Long groupId, String groupName, Long threadId,
            String threadTitle, String text, String link, Instant createdAt, boolean read) {}
}
