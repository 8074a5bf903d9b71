package fi.askel.browser;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * axe-core served by the service under test from its own origin (test sources only: the real service has no such
 * path). A journey adds it to a page as a script the page's Content-Security-Policy allows ({@code script-src 'self'}),
 * so Chromium keeps it in the window's cache with its compiled code instead of receiving and compiling 550 KB
 * through Playwright for every page checked. A plain route, not a JAX-RS resource: it stays out of /q/openapi,
 * which the API sweeps call as their list of the service's operations.
 */
@ApplicationScoped
public class AxeScript {

    static final String PATH = "/test-only/axe.min.js";

    private static final Buffer SCRIPT = Buffer.buffer(Axe.SCRIPT);

    void install(@Observes Router router) {
        router.get(PATH).handler(rc -> rc.response()
                .putHeader("Content-Type", "text/javascript; charset=utf-8")
                .putHeader("Cache-Control", "public, max-age=86400, immutable")
                .end(SCRIPT));
    }
}
