package fi.askel.common.db;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What Askel asks of its database server and of the accounts it uses (OPERATIONS.md, "Database"). */
@ConfigMapping(prefix = "askel.db")
public interface DatabaseConfig {

    /**
     * The oldest MariaDB this build runs on. Checked before any migration; only ever raised (a test
     * raises it to see the refusal), never lowered: migrations and queries are tested on 10.11 and 11.4.
     */
    @WithDefault("10.11")
    String minimumVersion();

    /**
     * Host part of the restricted runtime account ({@code quarkus.datasource.username}) that is granted its
     * per-table privileges after every migration, when migrations run as another account (the schema owner,
     * {@code quarkus.flyway.username}). Must match the host the account was created with.
     */
    @WithDefault("%")
    String runtimeHost();
}
