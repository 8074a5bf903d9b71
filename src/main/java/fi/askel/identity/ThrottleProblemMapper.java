package fi.askel.identity;

import fi.askel.common.web.RequestPaths;
import fi.askel.common.Problem;
import fi.askel.common.web.Pages;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 429 with Retry-After for too many failed sign-ins; pages that can do better catch the exception themselves. */
public class ThrottleProblemMapper {

    private final Pages pages;
    private final HttpServerRequest request;

    public ThrottleProblemMapper(Pages pages, HttpServerRequest request) {
        this.pages = pages;
        this.request = request;
    }

    @ServerExceptionMapper
    public Response throttled(LoginThrottledException e) {
        String detail = waitMessage(pages, e.retryAfterSeconds());
        Response.ResponseBuilder response = Response.status(429).header("Retry-After", e.retryAfterSeconds());
        if (RequestPaths.isApi(request.path())) {
            return response.type(Problem.MEDIA_TYPE).entity(new Problem(Problem.TYPE_BASE + "too-many-attempts",
                    pages.t("error.title.429"), 429, detail, request.path(), null, null)).build();
        }
        return response.type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(detail).build();
    }

    /** "Try again in 15 minutes" / "… in 8 seconds", in the page's language. */
    static String waitMessage(Pages pages, long seconds) {
        return seconds >= 60 ? pages.t("auth.throttled.minutes", (seconds + 59) / 60) : pages.t("auth.throttled.seconds", seconds);
    }
}
