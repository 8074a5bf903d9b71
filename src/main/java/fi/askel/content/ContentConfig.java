package fi.askel.content;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "askel.exercises")
public interface ContentConfig {

    /** Folder of exercise modules, one sub-folder per module. */
    @WithDefault("exercises")
    String dir();
}
