package fi.askel.identity;

/**
 * Something a feature must know about the signed-in user on every request, read in the same single
 * statement that checks the sign-in (SessionLookup) instead of a query of its own. The privacy notice
 * gate is one: whether a client has acknowledged the current notice.
 *
 * <p>The value lands on the security identity as a Boolean attribute named {@link #attribute()}.
 */
public interface SignInFact {

    /** The identity attribute (and SQL column alias) the value is kept under; letters and dots only. */
    String attribute();

    /**
     * A boolean SQL expression over the signed-in account, which the lookup's SELECT names {@code u}
     * (table app_user); read-only, indexed, and cheap: it runs on every request.
     */
    String sql();
}
