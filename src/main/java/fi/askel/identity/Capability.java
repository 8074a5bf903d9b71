package fi.askel.identity;

/**
 * What an admin may let a specialist do beyond their role (V18__create_authoring.sql). Not a role: the
 * JWT groups and @RolesAllowed stay as they are, and the features that need a capability ask
 * {@link Capabilities}.
 */
public enum Capability {
    /** Write and edit exercise modules in the browser (content.authoring). */
    AUTHORING
}
