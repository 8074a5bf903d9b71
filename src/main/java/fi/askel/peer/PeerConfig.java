package fi.askel.peer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Peer support settings (askel.peer.*); README.md lists them. */
@ConfigMapping(prefix = "askel.peer")
public interface PeerConfig {

    /** How long clients can still read an archived group; its specialists and admins keep access. */
    @WithDefault("90")
    int archiveReadDays();

    /** How long after posting an author can edit a post. */
    @WithDefault("60")
    int editWindowMinutes();

    /** At most this many posts (threads included) per client ... */
    @WithDefault("10")
    int rateLimitPosts();

    /** ... within this many minutes. Counted in the database, so the limit holds across instances. */
    @WithDefault("10")
    int rateLimitMinutes();

    /** Longest post body, in characters. */
    @WithDefault("10000")
    int maxBodyChars();

    /** Threads and posts per page. */
    @WithDefault("20")
    int pageSize();

    /** A file of distress phrases replacing the built-in list (format: see distress-phrases.txt). */
    Optional<String> distressPhrasesFile();

    Digest digest();

    interface Digest {
        /** When the daily email digest goes out (Quartz cron, Europe/Helsinki). */
        @WithDefault("0 0 7 * * ?")
        String cron();

        /** The address of this service as members reach it, for links in emails; askel.public-url unless set apart. */
        @WithDefault("${askel.public-url}")
        String siteUrl();
    }
}
