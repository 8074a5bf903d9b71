package fi.askel.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "askel.auth")
public interface AuthConfig {

    /** Issuer written into and required of every token. */
    String issuer();

    /** Lifetime of an access token. */
    @WithDefault("20")
    int tokenMinutes();

    /** How long a sign-in lasts before the password is needed again (refresh tokens stop working). */
    @WithDefault("12")
    int sessionHours();

    /** Mark cookies Secure. Default: only when the request came over HTTPS. */
    Optional<Boolean> secureCookies();
}
