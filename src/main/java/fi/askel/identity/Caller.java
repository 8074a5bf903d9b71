package fi.askel.identity;

/** Who is making the request, as every feature needs to know it. Kept on the security identity. */
public record Caller(Long id, String username, String displayName, Role role, String locale) {

    public static final String ATTRIBUTE = "askel.caller";
    /** Identity attribute: true for a staff sign-in that may only enrol a second factor. */
    public static final String ENROLMENT_ONLY = "askel.enrolmentOnly";
    /** Identity attribute: true while the user must choose a new password before anything else (SignInGates). */
    public static final String PASSWORD_CHANGE_REQUIRED = "askel.passwordChangeRequired";

    public static Caller of(User user) {
        return new Caller(user.id, user.username, user.displayName, user.role, user.locale);
    }

    public boolean isStaff() {
        return role.isStaff();
    }
}
