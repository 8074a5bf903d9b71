package fi.askel.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.util.List;
import java.util.Optional;

/** Settings under {@code askel.http}: how to tell where a request came from (for the access log). */
@ConfigMapping(prefix = "askel.http")
public interface AccessConfig {

    /**
     * Addresses (IPv4/IPv6, or CIDR ranges such as 10.0.0.0/8) of reverse proxies whose
     * X-Forwarded-For header is believed. Empty: the header is ignored and the peer address is used.
     */
    @WithName("trusted-proxies")
    Optional<List<String>> trustedProxies();
}
