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

    /**
     * A sign-in with no request for this long ends (a refresh does not count), shorter for staff, who
     * see more people's data. Pages warn a minute before and offer to stay signed in.
     */
    Idle idle();

    interface Idle {
        @WithDefault("30")
        int staffMinutes();

        @WithDefault("60")
        int clientMinutes();
    }

    /** Mark cookies Secure. Default: only when the request came over HTTPS. */
    Optional<Boolean> secureCookies();

    /** How long an emailed password reset link works. */
    @WithDefault("60")
    int resetLinkMinutes();

    Lockout lockout();

    /** Failed sign-in throttling, counted in the database so it holds across instances. */
    interface Lockout {

        /** Failed attempts on one account name before it is locked. */
        @WithDefault("10")
        int maxFailures();

        /** How long a lock lasts; a counter with no new failure for this long starts again from zero. */
        @WithDefault("15")
        int lockMinutes();

        /** From this many failures on, each next attempt waits 1, 2, 4 … seconds (until the lock). */
        @WithDefault("3")
        int backoffAfter();

        /**
         * Failed attempts from one address (on any account names) before it is locked. Higher than the
         * per-account limit: an office or care home may share one address.
         */
        @WithDefault("50")
        int addressMaxFailures();
    }
}
