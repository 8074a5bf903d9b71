package fi.askel.identity;

import java.util.List;

/**
 * Which client accounts a specialist may look up. Identity does not know who works with whom; the
 * rehabilitation feature does (periods name the responsible specialists) and provides this.
 * A specialist sees the clients they follow and the clients nobody follows yet (to take a new
 * client on), never the clients of other specialists.
 */
public interface ClientDirectory {

    /** {@code search}: a {@link UserSearch} pattern on name or username, or null for all; {@code max} from {@code first}. */
    List<User> clientsVisibleTo(Caller specialist, String search, int first, int max);

    boolean isVisibleTo(Caller specialist, long clientId);
}
