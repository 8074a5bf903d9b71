package fi.askel.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The first admin on an empty database (ASKEL_BOOTSTRAP_ADMIN_USERNAME / ASKEL_BOOTSTRAP_ADMIN_PASSWORD). */
@ConfigMapping(prefix = "askel.bootstrap")
public interface BootstrapConfig {

    @WithDefault("admin")
    String adminUsername();

    Optional<String> adminPassword();

    /** The first admin must choose a new password at the first sign-in (the bootstrap one was in a file or the log). */
    @WithDefault("true")
    boolean requirePasswordChange();
}
