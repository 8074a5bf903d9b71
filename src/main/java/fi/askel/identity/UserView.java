package fi.askel.identity;

import java.time.Instant;

/** A user as the API shows it; never the password hash. */
public record UserView(Long id, String username, String displayName, Role role, String locale, String email,
        boolean active, Instant createdAt) {

    public static UserView from(User u) {
        return new UserView(u.id, u.username, u.displayName, u.role, u.locale, u.email, u.active, u.createdAt);
    }
}
