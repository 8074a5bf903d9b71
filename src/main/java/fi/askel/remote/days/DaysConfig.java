package fi.askel.remote.days;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings for remote-rehabilitation days ({@code askel.days.*}). */
@ConfigMapping(prefix = "askel.days")
public interface DaysConfig {

    /**
     * Minutes proposed for a day of online exercises when the client logged none: the exercise log and
     * the answers say that the client worked, not for how long, so the specialist confirms or corrects.
     */
    @WithDefault("30")
    int exerciseMinutes();
}
