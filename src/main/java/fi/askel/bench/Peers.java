package fi.askel.bench;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Peer groups as a specialist runs them: the specialist moderates under their own name, the group's clients are
 * members under pseudonyms and have accepted the rules, and the threads (spread over the groups) hold
 * {@link Scale#POSTS_PER_THREAD} posts each, some replying to the thread's first post.
 */
final class Peers {

    private final Context c;
    private final String[] specialistNames;
    private final List<List<Integer>> clientsOfGroup = new ArrayList<>();

    Peers(Context c, String[] specialistNames) {
        this.c = c;
        this.specialistNames = specialistNames;
        for (int g = 0; g < c.scale().groups(); g++) {
            clientsOfGroup.add(new ArrayList<>());
        }
        for (int i = 0; i < c.scale().clients(); i++) {
            clientsOfGroup.get(c.groupOf(i)).add(i);
        }
    }

    void write() throws SQLException {
        int groups = c.scale().groups();
        try (Rows rows = c.rows("peer_group", "id,name,description,rules,created_by,created_at,archived_at", groups)) {
            for (int g = 0; g < groups; g++) {
                rows.add(c.groupId(g), "Vertaisryhmä " + (g + 1) + " – Kamratgrupp " + (g + 1),
                        "Kurssiryhmän vertaistukiryhmä. Kamratstödsgrupp för kursgruppen.", null,
                        c.specialistId(c.specialistOfGroup(g)), c.daysAgo(60), null);
            }
        }
        long memberBase = Context.maxId(c.db(), "peer_member");
        long id = memberBase;
        try (Rows rows = c.rows("peer_member", "id,group_id,user_id,moderator,pseudonym,joined_at,added_by,rules_accepted_at,"
                + "removed_at,email_digest,digest_sent_at", (long) groups + c.scale().clients())) {
            for (int g = 0; g < groups; g++) {
                int k = c.specialistOfGroup(g);
                var joined = c.daysAgo(30);
                rows.add(++id, c.groupId(g), c.specialistId(k), true, specialistNames[k], joined, c.specialistId(k), joined,
                        null, false, null);
                List<Integer> members = clientsOfGroup.get(g);
                for (int m = 0; m < members.size(); m++) {
                    rows.add(++id, c.groupId(g), c.clientId(members.get(m)), false, Names.pseudonym(m), joined,
                            c.specialistId(k), c.daysAgo(29), null, false, null);
                }
            }
        }
        threadsAndPosts();
    }

    private void threadsAndPosts() throws SQLException {
        Scale s = c.scale();
        int threads = s.threads();
        SplittableRandom random = c.random("peer_post");
        long threadBase = Context.maxId(c.db(), "peer_thread");
        long postBase = Context.maxId(c.db(), "peer_post");
        // authors first, so a thread's author and its first post's author are the same person
        long[][] authors = new long[threads][];
        int[] groupOfThread = new int[threads];
        for (int t = 0; t < threads; t++) {
            int g = t % s.groups();
            groupOfThread[t] = g;
            int posts = Math.min(Scale.POSTS_PER_THREAD, s.posts() - t * Scale.POSTS_PER_THREAD);
            List<Integer> members = clientsOfGroup.get(g);
            authors[t] = new long[posts];
            for (int p = 0; p < posts; p++) {
                boolean moderator = members.isEmpty() || random.nextInt(10) == 0;
                authors[t][p] = moderator ? c.specialistId(c.specialistOfGroup(g)) : c.clientId(members.get(random.nextInt(members.size())));
            }
        }
        try (Rows rows = c.rows("peer_thread", "id,group_id,author_id,title,created_at,last_activity_at,post_count,pinned,"
                + "locked_at,locked_by", threads)) {
            for (int t = 0; t < threads; t++) {
                rows.add(threadBase + 1 + t, c.groupId(groupOfThread[t]), authors[t][0], Names.pick(Names.THREADS, random),
                        started(t), postedAt(t, authors[t].length - 1), authors[t].length, false, null, null);
            }
        }
        long id = postBase;
        try (Rows rows = c.rows("peer_post", "id,thread_id,group_id,author_id,reply_to_id,body,created_at,edited_at,deleted_at,"
                + "hidden_at,hidden_by,hidden_reason,distress", s.posts())) {
            for (int t = 0; t < threads; t++) {
                long first = id + 1;
                for (int p = 0; p < authors[t].length; p++) {
                    rows.add(++id, threadBase + 1 + t, c.groupId(groupOfThread[t]), authors[t][p],
                            p > 0 && random.nextInt(4) == 0 ? first : null, Names.pick(Names.POSTS, random), postedAt(t, p),
                            null, null, null, null, null, false);
                }
            }
        }
    }

    /** Threads start over the four weeks the groups have been running, the newest last. */
    private LocalDateTime started(int t) {
        return c.daysAgo(28.0 * (c.scale().threads() - t) / c.scale().threads() + 1);
    }

    /** A thread's posts come an hour apart. */
    private LocalDateTime postedAt(int t, int p) {
        return started(t).plusHours(p);
    }
}
