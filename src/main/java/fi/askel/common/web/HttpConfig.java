package fi.askel.common.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Transport and browser security: HTTPS enforcement, HSTS and where the camera may be used. */
@ConfigMapping(prefix = "askel.http")
public interface HttpConfig {

    /**
     * Redirect plain-HTTP requests to HTTPS. Use behind a TLS-terminating proxy that sends
     * X-Forwarded-Proto (with quarkus.http.proxy.proxy-address-forwarding=true); when Quarkus
     * serves TLS itself, quarkus.http.insecure-requests=redirect does the same.
     */
    @WithDefault("false")
    boolean requireHttps();

    /** Strict-Transport-Security max-age in seconds, sent on every HTTPS response; 0 turns it off. */
    @WithDefault("31536000")
    long hstsMaxAge();

    /**
     * Addresses (IPv4/IPv6, or CIDR ranges such as 10.0.0.0/8) of reverse proxies whose
     * X-Forwarded-For header is believed when recording where a request came from (access log,
     * sign-in throttling). Empty: the header is ignored and the connection's address is used.
     */
    Optional<List<String>> trustedProxies();

    /**
     * The Retry-After (seconds) of a 503 answered when no database connection came within
     * quarkus.datasource.jdbc.acquisition-timeout, or no place within askel.http.admission-wait (README, "Capacity").
     */
    @WithDefault("5")
    int busyRetryAfterSeconds();

    /**
     * How many requests are worked on at once (AdmissionGate); the rest wait in arrival order. Keep it below
     * quarkus.datasource.jdbc.max-size, so that scheduled jobs and the calls' signalling find a connection too;
     * 0 turns the queue off.
     */
    @WithDefault("8")
    int concurrentRequests();

    /** How long a request waits its turn before it is answered 503 with Retry-After (README, "Capacity"). */
    @WithDefault("10s")
    java.time.Duration admissionWait();

    /** Path prefixes of pages that hold video calls: only they may ask for camera and microphone. */
    @WithDefault("/calls/")
    List<String> mediaPaths();
}
