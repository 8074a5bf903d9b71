package fi.askel.common.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.common.ApiException;
import fi.askel.followup.ClientOverviewService;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.support.Api;
import fi.askel.support.Rehab;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A database node going away under a page read (src/bench/cluster.sh kills the writing Galera node): the pooled
 * connections to it are dead, and a transaction that starts on one cannot enlist it. Its first read must then end as
 * the database being unavailable (503 with Retry-After, ProblemMapper), never as "no such client" (404, which tells a
 * specialist their client is gone) nor as a 500. Here the pool's connections are killed on the server (KILL), which
 * leaves them dead in the pool as a node's death does.
 */
@QuarkusTest
class LostConnectionTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ClientOverviewService overviews;

    @Test
    void a_client_page_read_on_a_lost_connection_is_unavailable_not_a_missing_client() throws Exception {
        Rehab.Team team = Rehab.team();
        Api.Account admin = Api.admin();
        long clientId = team.client().id();
        // An admin's read starts with the account (Hibernate's find), a specialist's with a query: both ways in.
        Caller asAdmin = new Caller(admin.id(), admin.username(), "Admin", Role.ADMIN, "fi");
        Caller asSpecialist = new Caller(team.specialist().id(), team.specialist().username(), "Specialist",
                Role.SPECIALIST, "fi");
        for (Caller caller : List.of(asAdmin, asSpecialist)) {
            QuarkusTransaction.requiringNew().call(() -> overviews.overview(caller, clientId, "fi"));

            try (Connection killer = dataSource.getConnection()) { // held, so the read below gets a killed one
                killOtherConnections(killer);
                RuntimeException failed = assertThrows(RuntimeException.class,
                        () -> QuarkusTransaction.requiringNew().call(() -> overviews.overview(caller, clientId, "fi")),
                        caller.role() + ": the read cannot succeed on a dead connection");
                assertFalse(failed instanceof ApiException, caller.role() + ": answered " + failed
                        + " (a 404 when the account's find answered null after the failed enlistment)");
                assertTrue(Overload.isUnavailable(failed), caller.role() + ": not recognised as a lost connection"
                        + " (answered 500): " + failed);
            }
            // The pool still holds the other killed connections (each fails once, then is destroyed, as after a node's
            // death): drop them, so that the next round, and the tests after this class, get live ones.
            dataSource.flush(AgroalDataSource.FlushMode.GRACEFUL);
            QuarkusTransaction.requiringNew().call(() -> overviews.overview(caller, clientId, "fi"));
        }
    }

    @AfterEach
    void dropKilledConnections() {
        dataSource.flush(AgroalDataSource.FlushMode.GRACEFUL);
    }

    /** Kills every other connection of the service to its database, as a node's death does to the pool's. */
    private static void killOtherConnections(Connection killer) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = killer.createStatement();
                ResultSet rows = s.executeQuery("SELECT ID FROM information_schema.PROCESSLIST"
                        + " WHERE DB = DATABASE() AND ID <> CONNECTION_ID()")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        assertFalse(ids.isEmpty(), "the pool keeps idle connections to kill");
        try (Statement s = killer.createStatement()) {
            for (long id : ids) {
                try {
                    s.execute("KILL CONNECTION " + id);
                } catch (SQLException gone) {
                    // it ended by itself meanwhile
                }
            }
        }
    }
}
