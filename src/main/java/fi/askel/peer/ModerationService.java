package fi.askel.peer;

import fi.askel.common.ApiException;
import fi.askel.identity.Caller;
import fi.askel.peer.GroupAccess.PostAccess;
import fi.askel.peer.PeerViews.AuthorView;
import fi.askel.peer.PeerViews.PostView;
import fi.askel.peer.PeerViews.ReportView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reports and what moderators do with them. Any member can report a post; reports and distress
 * alerts wait in the queue of the group's specialists; hiding a post settles its open reports.
 */
@ApplicationScoped
public class ModerationService {

    private final GroupAccess access;
    private final Authors authors;
    private final PostViews views;
    private final PostMarkdown markdown;
    private final NotificationService notifications;

    public ModerationService(GroupAccess access, Authors authors, PostViews views, PostMarkdown markdown,
            NotificationService notifications) {
        this.access = access;
        this.authors = authors;
        this.views = views;
        this.markdown = markdown;
        this.notifications = notifications;
    }

    @Transactional
    public void report(Caller caller, Long postId, String reason) {
        PostAccess pa = access.post(caller, postId);
        Post p = pa.post();
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw ApiException.invalid("reason", "peer.report.reason.invalid", 500);
        }
        if (p.isDeleted() || caller.id().equals(p.authorId)) {
            throw ApiException.conflict("not-reportable", "peer.report.not-reportable");
        }
        if (Report.findByPostAndReporter(postId, caller.id()).isPresent()) {
            throw ApiException.conflict("already-reported", "peer.report.already");
        }
        Report r = new Report();
        r.groupId = p.groupId;
        r.postId = p.id;
        r.kind = Report.Kind.REPORT;
        r.reporterId = caller.id();
        r.reason = why;
        r.createdAt = Instant.now();
        UniqueKeys.writeOr(ApiException.conflict("already-reported", "peer.report.already"), () -> {
            r.persist();
            return r;
        });
        notifications.notifyModerators(p.groupId, p.threadId, p.id, Notification.Kind.REPORT, caller.id());
    }

    /** Hides a post from the group; its author still sees it, with the reason. */
    @Transactional
    public PostView hide(Caller caller, Long postId, String reason) {
        PostAccess pa = access.post(caller, postId);
        pa.access().requireModerator();
        String why = reason == null ? null : reason.strip();
        if (why != null && why.length() > 500) {
            throw ApiException.invalid("reason", "peer.hide.reason.too-long", 500);
        }
        Post p = pa.post();
        if (!p.isHidden()) {
            p.hiddenAt = Instant.now();
            p.hiddenBy = caller.id();
            p.hiddenReason = why == null || why.isEmpty() ? null : why;
            if (p.authorId != null && !p.authorId.equals(caller.id())) {
                notifications.notify(p.authorId, p.groupId, p.threadId, p.id, Notification.Kind.HIDDEN);
            }
        }
        resolve(Report.listOpenByPost(postId), caller, Report.Resolution.HIDDEN);
        return views.one(pa.access(), pa.thread(), p);
    }

    @Transactional
    public PostView unhide(Caller caller, Long postId) {
        PostAccess pa = access.post(caller, postId);
        pa.access().requireModerator();
        Post p = pa.post();
        p.hiddenAt = null;
        p.hiddenBy = null;
        p.hiddenReason = null;
        return views.one(pa.access(), pa.thread(), p);
    }

    /** Open reports and alerts of the groups the caller moderates, or of one group. */
    @Transactional
    public List<ReportView> queue(Caller caller, Long groupId) {
        List<Access> groups = groupId == null
                ? access.visibleGroups(caller).stream().filter(Access::isModerator).toList()
                : List.of(access.group(caller, groupId));
        groups.forEach(Access::requireModerator);
        List<ReportView> list = new ArrayList<>();
        for (Access a : groups) {
            List<Report> reports = Report.listOpenByGroups(List.of(a.groupId()));
            List<Long> people = new ArrayList<>();
            Map<Long, Post> posts = new java.util.HashMap<>();
            for (Report r : reports) {
                Post p = posts.computeIfAbsent(r.postId, id -> Post.<Post>findById(id));
                people.add(p.authorId);
                people.add(r.reporterId);
            }
            Map<Long, AuthorView> names = authors.forGroup(a, people);
            for (Report r : reports) {
                Post p = posts.get(r.postId);
                DiscussionThread t = DiscussionThread.findById(p.threadId);
                list.add(new ReportView(r.id, r.kind.name(), a.groupId(), a.group().name, t.id, t.title, p.id,
                        markdown.toHtml(p.isDeleted() ? "" : p.body), p.isHidden(), names.get(p.authorId), r.reason,
                        r.reporterId == null ? null : staffName(names.get(r.reporterId)), r.createdAt));
            }
        }
        return list;
    }

    @Transactional
    public void dismiss(Caller caller, Long reportId) {
        Report r = reportId == null ? null : Report.findById(reportId);
        Access a = r == null ? null : access.find(caller, r.groupId).filter(Access::isModerator).orElse(null);
        if (a == null) {
            throw ApiException.notFound("report");
        }
        if (r.resolvedAt == null) {
            resolve(List.of(r), caller, Report.Resolution.DISMISSED);
        }
    }

    /** Moderators see the real name beside the pseudonym. */
    private static String staffName(AuthorView author) {
        return author.realName() == null ? author.name() : author.name() + " (" + author.realName() + ")";
    }

    private static void resolve(List<Report> reports, Caller caller, Report.Resolution resolution) {
        Instant now = Instant.now();
        for (Report r : reports) {
            r.resolvedAt = now;
            r.resolvedBy = caller.id();
            r.resolution = resolution;
        }
    }
}
