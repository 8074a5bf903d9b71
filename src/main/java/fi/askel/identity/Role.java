package fi.askel.identity;

/** What a person may do on the platform. The names are the JWT groups and the roles in @RolesAllowed. */
public enum Role {
    CLIENT, SPECIALIST, ADMIN;

    public static final String CLIENT_NAME = "CLIENT";
    public static final String SPECIALIST_NAME = "SPECIALIST";
    public static final String ADMIN_NAME = "ADMIN";
    /** Not an account role: the only role of a staff sign-in that has yet to enrol a second factor. */
    public static final String MFA_ENROLMENT_NAME = "MFA_ENROLMENT";

    /** Staff may create accounts: an admin any account, a specialist only clients. */
    public boolean mayCreate(Role other) {
        return this == ADMIN || (this == SPECIALIST && other == CLIENT);
    }

    public boolean isStaff() {
        return this != CLIENT;
    }
}
