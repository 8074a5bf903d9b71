package fi.askel.rehab;

import fi.askel.identity.Caller;
import fi.askel.identity.ClientDirectory;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.identity.UserSearch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Clients a specialist may look up: theirs (by period) and those without any period yet. */
@ApplicationScoped
public class RehabClientDirectory implements ClientDirectory {

    private static final String VISIBLE = "from User u where u.role = ?1"
            + " and (u.id in (select p.clientId from Period p join p.specialistIds s where s = ?2)"
            + " or not exists (select 1 from Period q where q.clientId = u.id))";

    @Override
    public List<User> clientsVisibleTo(Caller specialist, String search, int first, int max) {
        var query = search == null
                ? User.<User>find(VISIBLE + " order by u.displayName, u.id", Role.CLIENT, specialist.id())
                : User.<User>find(VISIBLE + " and " + UserSearch.where(3) + " order by u.displayName, u.id",
                        Role.CLIENT, specialist.id(), search);
        return query.range(first, first + max - 1).list();
    }

    @Override
    public boolean isVisibleTo(Caller specialist, long clientId) {
        return Period.isResponsible(specialist.id(), clientId) || !Period.existsForClient(clientId);
    }
}
