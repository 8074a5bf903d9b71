package fi.askel.identity;

/** Who is making the request, as every feature needs to know it. Kept on the security identity. */
public record Caller(Long id, String username, String displayName, Role role, String locale) {

    public static final String ATTRIBUTE = "askel.caller";

    public static Caller of(User user) {
        return new Caller(user.id, user.username, user.displayName, user.role, user.locale);
    }

    public boolean isStaff() {
        return role.isStaff();
    }
}
