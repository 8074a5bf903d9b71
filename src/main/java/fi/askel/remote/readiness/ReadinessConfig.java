package fi.askel.remote.readiness;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The readiness checklist's settings (README, "Provider readiness"). */
@ConfigMapping(prefix = "askel.readiness")
public interface ReadinessConfig {

    /** When the overdue email goes to admins (Quarkus cron, Europe/Helsinki); {@code off} turns it off. */
    @WithDefault("0 15 7 * * ?")
    String cron();

    /**
     * What the provider can tell about backups (e.g. "nightly mariabackup to a second site, restore tested
     * 2026-10-01"). The service has no backup feature yet, so without this the evidence says "unknown".
     */
    Optional<String> backupEvidence();

    /**
     * How long another instance may show old support texts after an admin saves new ones: every instance
     * reads the saved texts again this often (the instance that saved shows them at once).
     */
    @WithDefault("60s")
    Duration textsRefresh();

    /** How long a verification of the access-log chain is shown before it is run again on viewing. */
    @WithDefault("10m")
    Duration chainCheckMaxAge();

    /** Items whose next review is this many days away or fewer are shown as due soon. */
    @WithDefault("14")
    int dueSoonDays();
}
