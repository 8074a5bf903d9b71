package fi.askel.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An API call without a body (logout, submit, hide…) often comes without a Content-Type. The API
 * speaks only JSON, so such a call is read as JSON; otherwise the form CSRF filter would take it
 * for a form without a token and refuse it.
 */
public class ApiContentType {

    @ServerRequestFilter(preMatching = true)
    public void defaultToJson(ContainerRequestContext request, io.vertx.core.http.HttpServerRequest http) {
        if (RequestPaths.isApi(http.path()) && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
