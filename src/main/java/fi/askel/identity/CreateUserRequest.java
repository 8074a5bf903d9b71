package fi.askel.identity;

/** Input for a new account. Checked by {@link UserService}, which names every field that is wrong. */
public record CreateUserRequest(String username, String displayName, Role role, String locale, String email,
        String password) {}
