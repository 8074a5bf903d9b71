package fi.askel.peer;

import fi.askel.common.Messages;
import fi.askel.common.db.IdList;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.peer.PeerViews.AuthorView;
import fi.askel.privacy.AccessKind;
import fi.askel.privacy.AccessLog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one place that decides how a person is named to a reader. A client is named by the pseudonym
 * of their membership; only moderators (and admins) also get the real name and user id. Every view
 * with an author goes through here, so there is no second path by which a name could leak.
 */
@ApplicationScoped
public class Authors {

    private final AccessLog accessLog;
    private final Messages messages;

    public Authors(AccessLog accessLog, Messages messages) {
        this.accessLog = accessLog;
        this.messages = messages;
    }

    /** Names by user id; an anonymised author (null id) maps to "former member" in the reader's language. */
    public Map<Long, AuthorView> forGroup(Access reader, Collection<Long> userIds) {
        Set<Long> ids = new HashSet<>(userIds);
        Map<Long, AuthorView> views = new HashMap<>();
        if (ids.remove(null)) {
            views.put(null, new AuthorView(messages.get(reader.caller().locale(), "peer.author.former"), false, false, null,
                    null, true));
        }
        if (ids.isEmpty()) {
            return views;
        }
        Map<Long, Member> members = new HashMap<>();
        Map<Long, User> users = new HashMap<>();
        // One query for the accounts and their memberships of this group (a former member keeps the pseudonym).
        IdList in = IdList.of(ids, 2);
        for (Object[] row : in.bind(User.getEntityManager().createQuery("select u, m from User u left join Member m"
                        + " on m.userId = u.id and m.groupId = ?1 where " + in.in("u.id"), Object[].class))
                .setParameter(1, reader.groupId()).getResultList()) {
            User user = (User) row[0];
            users.put(user.id, user);
            if (row[1] != null) {
                members.put(user.id, (Member) row[1]);
            }
        }
        for (Long id : ids) {
            views.put(id, view(reader, id, members.get(id), users.get(id)));
        }
        accessLog.recordEach(reader.caller(), views.entrySet().stream().filter(e -> e.getValue().realName() != null).map(Map.Entry::getKey).toList(), AccessKind.PSEUDONYM_REVEALED);
        return views;
    }

    public AuthorView one(Access reader, Long userId) {
        return forGroup(reader, java.util.Collections.singletonList(userId)).get(userId);
    }

    private static AuthorView view(Access reader, Long id, Member member, User user) {
        boolean mine = id.equals(reader.caller().id());
        boolean staffReader = reader.isModerator();
        boolean client = user == null || user.role == Role.CLIENT;
        if (client) {
            // A client without a membership row cannot have written anything; never fall back to a real name.
            String name = member != null ? member.pseudonym : "#" + id;
            return new AuthorView(name, false, mine, staffReader ? id : null,
                    staffReader && user != null ? user.displayName : null, false);
        }
        return new AuthorView(user.displayName, true, mine, staffReader ? id : null, null, false);
    }
}
