package fi.askel.privacy;

import fi.askel.common.Dates;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Staff reads in parallel write their events without waiting for each other or the sealer; sealing is once per event. */
@QuarkusTest
class AccessChainConcurrencyTest {

    private static final int PARALLEL = 32;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AccessSealer sealer;

    @Inject
    AccessLog accessLog;

    @Test
    void parallel_staff_reads_of_different_clients_and_of_one_client_each_write_one_event_and_the_chain_verifies() throws Exception {
        Api.Account specialist = Api.create("SPECIALIST");
        List<Api.Account> clients = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            Api.Account client = Api.create("CLIENT");
            specialist.as().body(Map.of("clientId", client.id(), "serviceType", "REHAB_COURSE",
                            "startsOn", Dates.today().minusDays(10).toString(), "endsOn", Dates.today().plusDays(60).toString()))
                    .post("/api/v1/periods").then().statusCode(201);
            clients.add(client);
        }
        Api.Account one = clients.get(0);
        long before = count("SELECT COUNT(*) FROM access_event WHERE client_id = " + one.id() + " AND kind = 'OVERVIEW_READ'");

        List<Integer> different = inParallel(clients.stream().map(c -> "/api/v1/clients/" + c.id() + "/overview").toList(), specialist);
        List<Integer> same = inParallel(LongStream.range(0, PARALLEL).mapToObj(i -> "/api/v1/clients/" + one.id() + "/overview").toList(),
                specialist);

        assertEquals(List.of(200), different.stream().distinct().toList(), "every read of a different client answered 200");
        assertEquals(List.of(200), same.stream().distinct().toList(), "every read of one client answered 200");
        for (Api.Account client : clients.subList(1, clients.size())) {
            assertEquals(1, count("SELECT COUNT(*) FROM access_event WHERE client_id = " + client.id() + " AND kind = 'OVERVIEW_READ'"
                    + " AND actor_id = " + specialist.id()), "one event for the read of client " + client.id());
        }
        assertEquals(before + 1 + PARALLEL,
                count("SELECT COUNT(*) FROM access_event WHERE client_id = " + one.id() + " AND kind = 'OVERVIEW_READ'"),
                "one event per read of the one client (the first round read it once too)");

        sealer.sealPending();
        String ids = "SELECT id FROM access_event WHERE actor_id = " + specialist.id() + " AND kind = 'OVERVIEW_READ'";
        assertEquals(0, count("SELECT COUNT(*) FROM access_event WHERE seq IS NULL AND id IN (" + ids + ")"), "all sealed");
        Api.admin().as().get("/api/v1/admin/access-log/verify").then().statusCode(200)
                .body("ok", is(true)).body("unsealed", is(0)).body("sealedAfterCheckpoint", is(0));
    }

    @Test
    void a_staff_read_does_not_wait_for_a_sealer_holding_the_chain() throws Exception {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account client = Api.create("CLIENT");
        specialist.as().body(Map.of("clientId", client.id(), "serviceType", "REHAB_COURSE",
                        "startsOn", Dates.today().minusDays(1).toString(), "endsOn", Dates.today().plusDays(60).toString()))
                .post("/api/v1/periods").then().statusCode(201);
        // A sealer mid-run holds the head row; the old design made every staff read wait for exactly this lock.
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT last_seq FROM access_chain WHERE id = 1 FOR UPDATE").close();
            }
            long started = System.nanoTime();
            specialist.as().get("/api/v1/clients/" + client.id() + "/overview").then().statusCode(200);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(millis < 5000, "the read took " + millis + " ms while the head was locked");
            // And a second sealer skips instead of waiting.
            assertTrue(sealer.sealPending().skipped(), "a sealer finding the head taken skips this run");
            c.rollback();
        }
        assertEquals(1, count("SELECT COUNT(*) FROM access_event WHERE client_id = " + client.id() + " AND kind = 'OVERVIEW_READ'"));
    }

    @Test
    void two_sealers_at_once_seal_each_event_exactly_once_while_events_keep_arriving() throws Exception {
        sealer.sealPending();
        Api.Account specialist = Api.create("SPECIALIST");
        Caller actor = new Caller(specialist.id(), specialist.username(), "Test " + specialist.username(), Role.SPECIALIST, "fi");
        long firstId = count("SELECT COALESCE(MAX(id), 0) FROM access_event");
        int rounds = 40;
        int perRound = 25;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch go = new CountDownLatch(1);
        try {
            Future<?> writer = pool.submit(() -> {
                go.await();
                for (int r = 0; r < rounds; r++) {
                    List<Long> clientIds = LongStream.range(0, perRound).map(i -> 1_000_000 + i).boxed().toList();
                    accessLog.recordEach(actor, clientIds, AccessKind.CLIENT_LIST);
                }
                writing.set(false);
                return null;
            });
            Callable<Integer> sealing = () -> {
                go.await();
                int sealed = 0;
                while (writing.get()) {
                    sealed += sealer.sealPending().events();
                }
                return sealed + sealer.sealPending().events();
            };
            Future<Integer> a = pool.submit(sealing);
            Future<Integer> b = pool.submit(sealing);
            go.countDown();
            writer.get(60, TimeUnit.SECONDS);
            int total = a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS) + sealer.sealPending().events();
            assertEquals(rounds * perRound, total, "the sealers together sealed every new event once");
        } finally {
            pool.shutdownNow();
        }
        String mine = " FROM access_event WHERE id > " + firstId + " AND actor_id = " + specialist.id();
        assertEquals(rounds * perRound, count("SELECT COUNT(*)" + mine));
        assertEquals(rounds * perRound, count("SELECT COUNT(DISTINCT seq)" + mine + " AND seq IS NOT NULL"));
        Set<Long> seqs = new HashSet<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq" + mine)) {
            while (rs.next()) {
                assertTrue(seqs.add(rs.getLong(1)));
            }
        }
        assertFalse(seqs.contains(0L));
        Api.admin().as().get("/api/v1/admin/access-log/verify").then().statusCode(200).body("ok", is(true)).body("unsealed", is(0));
    }

    /** The requests all start at once (a barrier), as many threads as requests. */
    private static List<Integer> inParallel(List<String> paths, Api.Account who) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(paths.size());
        CyclicBarrier start = new CyclicBarrier(paths.size());
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (String path : paths) {
                calls.add(() -> {
                    start.await();
                    return who.as().get(path).then().extract().statusCode();
                });
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls, 120, TimeUnit.SECONDS)) {
                codes.add(f.get());
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
