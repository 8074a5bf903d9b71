package fi.askel.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import fi.askel.common.ApiException;
import fi.askel.common.Problem;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure, answered the way the caller can use it: RFC 9457 problem+json under /api, a
 * friendly page in the user's language elsewhere (or the login page when a sign-in is needed).
 * No class names or stack traces leave the server; a 500 is logged with an id the user can quote.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final java.util.concurrent.atomic.AtomicLong lastOverloadLog = new java.util.concurrent.atomic.AtomicLong();

    private final Pages pages;
    private final HttpServerRequest request;

    private final HttpConfig config;

    public ProblemMapper(Pages pages, HttpServerRequest request, HttpConfig config) {
        this.pages = pages;
        this.request = request;
        this.config = config;
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        List<Problem.Violation> violations = e.fieldErrors().isEmpty() ? null : e.fieldErrors().stream()
                .map(f -> new Problem.Violation(f.field(), pages.t(f.messageKey(), f.args())))
                .toList();
        String detail = pages.t(e.messageKey(), e.args());
        if (violations != null) {
            detail = detail + ": " + violations.stream().map(v -> v.field() + " — " + v.message())
                    .collect(Collectors.joining("; "));
        }
        return respond(e.status(), e.type(), detail, violations, null);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return respond(400, "validation", pages.t("error.validation") + ": " + violations.stream()
                .map(v -> v.field() + " — " + v.message()).collect(Collectors.joining("; ")), violations, null);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        String field = path(e);
        return respond(400, "unknown-field", pages.t("error.json.unknown-field", field),
                List.of(new Problem.Violation(field, pages.t("error.json.unknown-field", field))), null);
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        String field = path(e);
        String message = field.isEmpty() ? pages.t("error.json.malformed") : pages.t("error.json.wrong-type", field);
        return respond(400, "malformed-json", message,
                field.isEmpty() ? null : List.of(new Problem.Violation(field, message)), null);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m) : "";
        String message = field.isEmpty() ? pages.t("error.json.malformed") : pages.t("error.json.wrong-type", field);
        return respond(400, "malformed-json", message, null, null);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthorized(Exception e) {
        if (Overload.isUnavailable(e)) {
            return overloaded(); // the sign-in could not be checked (no connection came in time): not the caller's fault
        }
        // A WebSocket handshake (the video calls' signalling) is no page: a browser cannot follow a redirect there.
        if (!isApi() && !"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            String next = request.uri();
            return Response.seeOther(URI.create("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))).build();
        }
        return respond(401, "unauthorized", pages.t("error.unauthorized"), null, null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, "forbidden", pages.t("error.forbidden"), null, null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        if (status >= 500) {
            return unexpected(e);
        }
        String key = switch (status) {
            case 404 -> "error.not-found";
            case 405 -> "error.method-not-allowed";
            case 406 -> "error.not-acceptable";
            case 413 -> "error.too-large";
            case 415 -> "error.unsupported-media-type";
            default -> "error.bad-request";
        };
        return respond(status, key.substring("error.".length()), pages.t(key), null, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (Overload.isUnavailable(e)) {
            return overloaded();
        }
        if (Overload.isWriteConflict(e)) {
            LOG.warnf("Answering 409: %s %s lost a race with another write of the same rows (%s)", request.method(),
                    request.path(), e.getMessage());
            return respond(409, "concurrent-change", pages.t("error.concurrent-change"), null, null);
        }
        if (Overload.clientGone(e)) {
            // The connection closed before the request's body arrived (a phone losing its signal): nobody to answer,
            // and nothing wrong with the service.
            LOG.debugf("Connection closed while reading %s %s", request.method(), request.path());
            return Response.status(400).build();
        }
        if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().startsWith("Failed to decode URL")) {
            // A form body that is not valid URL encoding (e.g. a lone %): the caller's mistake, found by the OpenAPI sweep.
            return respond(400, "bad-request", pages.t("error.bad-request"), null, null);
        }
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected error %s on %s %s", errorId, request.method(), request.path());
        return respond(500, "internal", pages.t("error.internal", errorId), null, errorId);
    }

    /**
     * Every database connection stayed busy for the whole acquisition timeout: 503 with Retry-After, in the
     * language the request asks for (the signed-in identity is not read: that needs the database too).
     */
    private Response overloaded() {
        long now = System.currentTimeMillis();
        long last = lastOverloadLog.get();
        if (now - last > 10_000 && lastOverloadLog.compareAndSet(last, now)) {
            LOG.warnf("No database connection or place came in time: answering 503 (%s %s; logged at most every 10 s)",
                    request.method(), request.path());
        }
        PageContext page = pages.contextWithoutIdentity();
        String title = page.t("error.title.503");
        String detail = page.t("error.busy");
        String retryAfter = String.valueOf(config.busyRetryAfterSeconds());
        if (isApi()) {
            Problem problem = new Problem(Problem.TYPE_BASE + "busy", title, 503, detail, request.path(), null, null);
            return Response.status(503).header("Retry-After", retryAfter).type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        return Response.status(503).header("Retry-After", retryAfter).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(ErrorPage.Templates.error(page, 503, title, detail, null)).build();
    }

    private Response respond(int status, String type, String detail, List<Problem.Violation> violations, String errorId) {
        String title = pages.t("error.title." + status);
        if (title.startsWith("error.title.")) {
            title = pages.t("error.title.other");
        }
        if (isApi()) {
            Problem problem = new Problem(Problem.TYPE_BASE + type, title, status, detail, request.path(), violations, errorId);
            return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(ErrorPage.Templates.error(pages.errorContext(), status, title, detail, errorId)).build();
    }

    private boolean isApi() {
        return RequestPaths.isApi(request.path());
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
