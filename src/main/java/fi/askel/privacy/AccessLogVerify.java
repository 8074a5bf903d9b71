package fi.askel.privacy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Checks the access log's hash chain without starting the service, against the database the service
 * uses (README, "Access log"): the JDBC URL, user and password come from the same environment
 * variables as the service's ({@code QUARKUS_DATASOURCE_JDBC_URL}, {@code …_USERNAME}, {@code …_PASSWORD}).
 * Exits 0 when the chain is whole, 1 when it is broken (naming the first broken row), 2 on other errors.
 */
public final class AccessLogVerify {

    private AccessLogVerify() {}

    public static void main(String[] args) {
        String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (url == null || url.isBlank()) {
            System.err.println("Set QUARKUS_DATASOURCE_JDBC_URL (and QUARKUS_DATASOURCE_USERNAME, QUARKUS_DATASOURCE_PASSWORD).");
            System.exit(2);
        }
        try (Connection c = DriverManager.getConnection(url, System.getenv("QUARKUS_DATASOURCE_USERNAME"),
                System.getenv("QUARKUS_DATASOURCE_PASSWORD"))) {
            AccessChain.Verification v = AccessChain.verify(c, 5000);
            if (v.ok()) {
                System.out.printf("ok: %d events, chain whole; last id %d, last hash %s%n", v.checked(), v.lastId(), v.lastHash());
                System.exit(0);
            }
            System.out.printf("BROKEN: first broken id %d (%s) after %d events checked; the head says last id %d%n",
                    v.firstBrokenId(), v.problem(), v.checked(), v.lastId());
            System.exit(1);
        } catch (SQLException e) {
            System.err.println("Could not check the access log: " + e.getMessage());
            System.exit(2);
        }
    }
}
