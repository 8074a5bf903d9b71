package fi.askel.common.db;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.TypedQuery;

/**
 * {@code select count(…)} queries whose translation Hibernate keeps.
 *
 * <p>Panache's {@code count(query, params)} builds a new count statement from the query on every call
 * ({@code createCountQuery()}), and Hibernate translates such a statement from HQL to SQL each time it runs. A count
 * written out as HQL is translated once and then taken from Hibernate's plan cache.
 *
 * <pre>
 * Counts.of("select count(*) from Notification where userId = ?1 and readAt is null", userId);
 * </pre>
 */
public final class Counts {

    private Counts() {
    }

    /** The count a {@code select count(…) from …} query gives, with positional parameters ?1, ?2, … */
    public static long of(String hql, Object... params) {
        TypedQuery<Long> query = Panache.getEntityManager().createQuery(hql, Long.class);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.getSingleResult();
    }
}
