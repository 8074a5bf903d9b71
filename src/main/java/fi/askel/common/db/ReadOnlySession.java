package fi.askel.common.db;

import io.quarkus.hibernate.orm.panache.Panache;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * Tells Hibernate that the current transaction's work only reads entities, for the busiest staff pages.
 *
 * <p>By default Hibernate keeps a copy of every entity it loads, to find what changed, and before each query checks
 * every loaded entity for changes the query might need to see. A page that loads a hundred rows and changes none pays
 * for both on every request. After {@link #begin()} the entities the transaction loads are read-only (no copy kept,
 * nothing checked) and the session is flushed at commit only. Rows written with SQL of their own (the access log) and
 * entities persisted later are still written at commit; a change to an entity loaded after this call is not, so call
 * it only where the request changes none.
 *
 * <pre>
 * &#64;GET &#64;Transactional
 * TemplateInstance page(…) {
 *     ReadOnlySession.begin();
 *     …
 * }
 * </pre>
 */
public final class ReadOnlySession {

    private ReadOnlySession() {
    }

    /** Makes the rest of the current transaction's entity reads read-only and its flush happen at commit. */
    public static void begin() {
        Session session = Panache.getEntityManager().unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.COMMIT);
    }
}
