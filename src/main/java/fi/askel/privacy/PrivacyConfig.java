package fi.askel.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Privacy settings (askel.privacy.*); README.md lists them. */
@ConfigMapping(prefix = "askel.privacy")
public interface PrivacyConfig {

    /**
     * A folder with notice.fi.md, notice.sv.md and notice.en.md: the first version of the privacy notice
     * on an empty database. Without it the shipped default (resources privacy/) is used. Later versions
     * are published by an admin on /admin/privacy.
     */
    Optional<Path> noticeDir();

    Retention retention();

    AccessLogSettings accessLog();

    /** The access log's sealer and checkpoints (askel.privacy.access-log.*; README, "Access log"). */
    interface AccessLogSettings {

        /** How often the sealer puts new events into the hash chain ({@code off} stops it, e.g. in tests). */
        @WithDefault("5s")
        String sealEvery();

        /** At most this many events per sealing transaction (the sealer goes on until none is left). */
        @WithDefault("5000")
        int sealBatch();

        /** The sealer counts as behind when the oldest unsealed event is older than this (health, admin pages). */
        @WithDefault("2m")
        Duration lateAfter();

        /** Where the signed daily checkpoint files go; default {@code <askel.data-dir>/checkpoints}. */
        Optional<Path> checkpointDir();
    }

    interface Retention {

        /** When the daily retention run starts (Quartz-style cron; {@code off} stops it). */
        @WithDefault("0 30 3 * * ?")
        String cron();

        /** Peer posts older than this many days lose their text and their link to the author (0 = keep). */
        @WithDefault("730")
        int peerPostDays();

        /** A client account without a sign-in for this many days is flagged inactive (0 = never). */
        @WithDefault("730")
        int inactiveDays();

        /** A flagged account still unused after this many more days is anonymised like an erasure. */
        @WithDefault("60")
        int inactiveGraceDays();
    }
}
