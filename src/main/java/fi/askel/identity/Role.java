package fi.askel.identity;

/** What a person may do on the platform. The names are the JWT groups and the roles in @RolesAllowed. */
public enum Role {
    CLIENT, SPECIALIST, ADMIN;

    public static final String CLIENT_NAME = "CLIENT";
    public static final String SPECIALIST_NAME = "SPECIALIST";
    public static final String ADMIN_NAME = "ADMIN";

    /** Staff may create accounts: an admin any account, a specialist only clients. */
    public boolean mayCreate(Role other) {
        return this == ADMIN || (this == SPECIALIST && other == CLIENT);
    }

    public boolean isStaff() {
        return this != CLIENT;
    }
}
