package fi.askel.peer;

import fi.askel.common.ApiException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.PersistenceException;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Two requests at the same moment can both pass a "not taken yet" check; the unique keys in the
 * database then let only one of them in. This turns the loser's key violation into the same 409 the
 * check would have given, instead of a 500.
 */
final class UniqueKeys {

    private UniqueKeys() {}

    /** Runs the write (an insert happens at once, an update at the flush here) and answers a key violation with the conflict. */
    static <T> T writeOr(ApiException conflict, Supplier<T> write) {
        try {
            T result = write.get();
            Panache.getEntityManager().flush();
            return result;
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConstraintViolationException) {
                    throw conflict;
                }
            }
            throw e;
        }
    }
}
