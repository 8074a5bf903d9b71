package fi.askel.content.authoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the module editor's zip import (README, "Module zips") and of the pictures authors upload. */
@ConfigMapping(prefix = "askel.authoring")
public interface AuthoringConfig {

    /** The largest zip an author may upload, in bytes (keep it under quarkus.http.limits.max-body-size). */
    @WithDefault("1000000")
    long importMaxBytes();

    /** The most its files may unpack to, all together, in bytes: a zip bomb stops here. */
    @WithDefault("8388608")
    long importMaxUnpackedBytes();

    /** The most entries (files and folders) it may hold. */
    @WithDefault("200")
    int importMaxEntries();

    /**
     * The largest picture an author may upload into a draft (or bring in a zip), in bytes; never more than a module's
     * folder may hold (ImageFiles.MAX_BYTES, 512 KB).
     */
    @WithDefault("524288")
    long imageMaxBytes();
}
