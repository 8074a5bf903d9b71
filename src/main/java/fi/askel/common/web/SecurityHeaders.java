package fi.askel.common.web;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Browser-security headers on every response (pages, API, static files, error pages), and the
 * move from HTTP to HTTPS when the service is configured to require it. The policy is fixed
 * here, once: scripts and styles only from this origin (no inline code anywhere in the
 * templates), no framing, no referrer leaking a one-time link to another site.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Runs before every other route, so even the framework's own error responses carry the headers. */
    static final int ORDER = -1000;

    static final String CSP = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "media-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    static final String NO_DEVICES = "camera=(), microphone=(), display-capture=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), bluetooth=()";
    static final String CALL_DEVICES = "camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=(), "
            + "usb=(), serial=(), bluetooth=()";

    private final HttpConfig config;
    private final String hsts;
    /** Where plain HTTP is sent (askel.public-url's host), never the Host header a client made up. */
    private final String publicHost;

    SecurityHeaders(HttpConfig config, @org.eclipse.microprofile.config.inject.ConfigProperty(name = "askel.public-url") String publicUrl) {
        this.config = config;
        this.publicHost = java.net.URI.create(publicUrl.trim()).getRawAuthority();
        this.hsts = config.hstsMaxAge() > 0 ? "max-age=" + config.hstsMaxAge() + "; includeSubDomains" : null;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        boolean https = "https".equalsIgnoreCase(request.scheme());
        if (config.requireHttps() && !https && !isHealthCheck(request.path())) {
            redirectToHttps(rc);
            return;
        }
        String path = request.path();
        rc.addHeadersEndHandler(v -> {
            decorate(rc.response().headers(), path, https);
            relativeLocation(rc.response().headers(), request);
        });
        rc.next();
    }

    void decorate(MultiMap headers, String path, boolean https) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        headers.set("Permissions-Policy", isMediaPath(path) ? CALL_DEVICES : NO_DEVICES);
        if (!path.startsWith("/q/dev") && !headers.contains("Content-Security-Policy")) {
            // Dev UI (development only) runs inline scripts of its own. A response with a policy of its own
            // (a module's SVG illustration: nothing at all may run or load) keeps it.
            headers.set("Content-Security-Policy", CSP);
        }
        if (https && hsts != null) {
            headers.set("Strict-Transport-Security", hsts);
        }
        if (!headers.contains(HttpHeaders.CACHE_CONTROL)) {
            // Pages and API answers hold personal data: never kept in shared or back-button caches.
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    /**
     * JAX-RS makes a redirect's Location absolute from the request's own Host header, which the client
     * chooses. A Location back to this same host is sent as a path only: the browser resolves it against
     * the address it really used. Locations to other hosts (an identification broker) are left alone.
     */
    static void relativeLocation(MultiMap headers, HttpServerRequest request) {
        String location = headers.get(HttpHeaders.LOCATION);
        if (location == null || !(location.startsWith("http://") || location.startsWith("https://"))) {
            return;
        }
        try {
            java.net.URI uri = new java.net.URI(location);
            String own = request.authority() == null ? null : request.authority().toString();
            String host = request.getHeader(HttpHeaders.HOST);
            if (uri.getRawAuthority() != null && (uri.getRawAuthority().equalsIgnoreCase(String.valueOf(own))
                    || uri.getRawAuthority().equalsIgnoreCase(String.valueOf(host)))) {
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                headers.set(HttpHeaders.LOCATION, path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                        + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment()));
            }
        } catch (java.net.URISyntaxException e) {
            // Not a URI we made: leave it.
        }
    }

    private boolean isMediaPath(String path) {
        for (String prefix : config.mediaPaths()) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHealthCheck(String path) {
        // Load balancers probe over plain HTTP inside the network.
        return path.startsWith("/q/health");
    }

    private void redirectToHttps(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String host = publicHost;
        if (host == null) {
            rc.response().setStatusCode(400).end();
            return;
        }
        String target = "https://" + host + request.uri();
        // 308 keeps the method and body of a form post; GET and HEAD get the familiar 301.
        boolean safe = request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD;
        rc.response().setStatusCode(safe ? 301 : 308).putHeader(HttpHeaders.LOCATION, target).end();
    }
}
