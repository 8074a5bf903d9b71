package fi.askel.remote.readiness;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
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
     * 2026-10-01"), shown as stated by the provider while there is no backup marker.
     */
    Optional<String> backupEvidence();

    /**
     * The file the backup procedure writes after each successful backup (OPERATIONS.md, "Backups"): one line,
     * the time of the backup (ISO-8601, e.g. 2026-12-05T02:00:03Z). Default: {@code backup-ok} in the data folder.
     */
    Optional<Path> backupMarker();

    /** A newest backup older than this fails the evidence (a daily backup, with two hours to spare). */
    @WithDefault("26h")
    Duration backupMaxAge();

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
