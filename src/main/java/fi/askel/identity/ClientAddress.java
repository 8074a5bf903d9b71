package fi.askel.identity;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The address a request came from, for throttling and the failed sign-in notice. X-Forwarded-For is
 * read only when the request came from a configured trusted proxy, and then right to left: the first
 * address that is not one of our proxies is the client (anything further left the client could forge).
 */
@ApplicationScoped
public class ClientAddress {

    private final List<String> trusted;

    @jakarta.inject.Inject
    public ClientAddress(AuthConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::trim).toList();
    }

    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().host();
        return resolve(peer, request.getHeader("X-Forwarded-For"));
    }

    String resolve(String peer, String forwardedFor) {
        if (peer == null || forwardedFor == null || forwardedFor.isBlank() || !trusted.contains(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trusted.contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return peer;
    }
}
