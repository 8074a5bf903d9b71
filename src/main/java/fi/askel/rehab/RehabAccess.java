package fi.askel.rehab;

import fi.askel.common.ApiException;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.rehab.adaptation.AdaptationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;

/**
 * Who may see whose rehabilitation: a client only their own, a specialist the clients of periods they
 * are responsible for, an admin everyone. Anything else is answered as if it did not exist (404).
 */
@ApplicationScoped
public class RehabAccess {

    private final TransactionSynchronizationRegistry transactions;

    public RehabAccess(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    public boolean canSeeClient(Caller caller, Long clientId) {
        return switch (caller.role()) {
            case CLIENT -> caller.id().equals(clientId);
            case SPECIALIST -> isResponsible(caller.id(), clientId);
            case ADMIN -> true;
        };
    }

    /**
     * Whether the specialist is responsible for a period of the client. A page asks this once per part it shows
     * (overview, assignments, goals, …): within one transaction a yes is remembered, so it costs one query.
     * Only a yes: a period created later in the same transaction must still be found.
     */
    private boolean isResponsible(Long specialistId, Long clientId) {
        if (knownResponsible(specialistId, clientId)) {
            return true;
        }
        boolean responsible = Period.isResponsible(specialistId, clientId);
        if (responsible && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.putResource(responsibleKey(specialistId, clientId), Boolean.TRUE);
        }
        return responsible;
    }

    private boolean knownResponsible(Long specialistId, Long clientId) {
        return transactions.getTransactionStatus() == Status.STATUS_ACTIVE
                && Boolean.TRUE.equals(transactions.getResource(responsibleKey(specialistId, clientId)));
    }

    /** The client, if the caller may see them; otherwise 404. */
    public User requireClient(Caller caller, Long clientId) {
        User client = clientId == null ? null
                : caller.role() == Role.SPECIALIST && !knownResponsible(caller.id(), clientId) ? followedClient(caller.id(), clientId)
                : User.findById(clientId);
        if (client == null || client.role != Role.CLIENT || !canSeeClient(caller, clientId)) {
            throw ApiException.notFound("client");
        }
        return client;
    }

    /**
     * The client's account if the specialist is responsible for one of their periods, in one query (a staff page asks
     * this first); the yes is remembered for the transaction as {@link #isResponsible} does.
     */
    private User followedClient(Long specialistId, Long clientId) {
        User client = User.find("id = ?1 and role = ?2 and exists (select 1 from Period p join p.specialistIds s"
                + " where p.clientId = ?1 and s = ?3)", clientId, Role.CLIENT, specialistId).firstResult();
        if (client != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.putResource(responsibleKey(specialistId, clientId), Boolean.TRUE);
        }
        return client;
    }

    /** Marks an assignment this transaction has loaded with its adaptation ({@link #load}). */
    private static String loadedKey(Long id) {
        return "askel.assignment." + id;
    }

    private static String responsibleKey(Long specialistId, Long clientId) {
        return "askel.responsible." + specialistId + "." + clientId;
    }

    /** As {@link #requireClient}, without reading the account when callers ask about themselves (their sign-in was just checked). */
    public void checkClient(Caller caller, Long clientId) {
        if (caller.role() != Role.CLIENT || !caller.id().equals(clientId)) {
            requireClient(caller, clientId);
        }
    }

    /** The assignment, with its adaptation for the client, if the caller may see it; otherwise 404. */
    public Assignment requireAssignment(Caller caller, Long id) {
        Assignment a = id == null ? null : load(id);
        if (a == null || !canSeeClient(caller, a.clientId)) {
            throw ApiException.notFound("assignment");
        }
        return a;
    }

    /**
     * As {@link #requireAssignment}, with the assignment's row locked until the transaction ends ({@code SELECT … FOR
     * UPDATE}, in the same one query). Everything that writes an assignment's answers calls this before it reads them, so
     * saves of one assignment take turns: two arriving at once (a retry while the first try still runs, autosave and the
     * "ready" button, two devices) neither fail on each other's new row nor write over each other's diary entries; the
     * second reads what the first committed. A second call in the same transaction costs no query.
     */
    public Assignment lockAssignment(Caller caller, Long id) {
        boolean inTransaction = transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
        String locked = "askel.assignment.locked." + id;
        if (!inTransaction || transactions.getResource(locked) == null) {
            Assignment a = id == null ? null : AdaptationService.findWithAdaptation(id, LockModeType.PESSIMISTIC_WRITE);
            if (a != null && inTransaction) {
                transactions.putResource(locked, Boolean.TRUE);
                transactions.putResource(loadedKey(id), Boolean.TRUE);
            }
        }
        Assignment assignment = requireAssignment(caller, id);
        assignment.doneSteps = null; // read with a list before this write, they would not show what it changes
        return assignment;
    }

    /**
     * The assignment with its adaptation, in one query. A request often asks twice (a page, then the service saving
     * for it): within one transaction the second time finds both in the unit of work, without a query.
     */
    private Assignment load(Long id) {
        boolean inTransaction = transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
        String key = loadedKey(id);
        if (inTransaction && transactions.getResource(key) != null) {
            Assignment known = Assignment.findById(id);
            if (known != null && known.adaptation != null) {
                return known;
            }
        }
        Assignment a = AdaptationService.findWithAdaptation(id);
        if (inTransaction && a != null) {
            transactions.putResource(key, Boolean.TRUE);
        }
        return a;
    }

    /** Staff only: the specialist must be responsible for the client (an admin always may). */
    public void requireStaffFor(Caller caller, Long clientId) {
        if (caller.role() == Role.CLIENT || !canSeeClient(caller, clientId)) {
            throw ApiException.notFound("client");
        }
    }

    /** The accounts of the clients whose rehabilitation the caller follows (every client for an admin), in one query. */
    public List<User> followedClients(Caller caller) {
        return switch (caller.role()) {
            case CLIENT -> User.list("id = ?1 and role = ?2", caller.id(), Role.CLIENT);
            case SPECIALIST -> User.list("role = ?1 and id in (select p.clientId from Period p join p.specialistIds s"
                    + " where s = ?2)", Role.CLIENT, caller.id());
            case ADMIN -> User.listByRole(Role.CLIENT);
        };
    }

    /** The clients whose rehabilitation the caller follows; null means all (admin). */
    public List<Long> followedClientIds(Caller caller) {
        return switch (caller.role()) {
            case CLIENT -> List.of(caller.id());
            case SPECIALIST -> Period.listClientIdsBySpecialist(caller.id());
            case ADMIN -> null;
        };
    }
}
