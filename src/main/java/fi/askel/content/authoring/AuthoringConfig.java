package fi.askel.content.authoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the module editor's zip import (README, "Module zips"). */
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
}
