package fi.askel.identity;

import fi.askel.common.ApiException;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.common.web.Redirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The sign-in form and signing out, for people in a browser. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(PageContext page, String username, String next, String error);
    }

    private final AuthService auth;
    private final SessionCookies cookies;
    private final Pages pages;
    private final HttpServerRequest request;
    private final JsonWebToken jwt;

    public LoginPage(AuthService auth, SessionCookies cookies, Pages pages, HttpServerRequest request, JsonWebToken jwt) {
        this.auth = auth;
        this.cookies = cookies;
        this.pages = pages;
        this.request = request;
        this.jwt = jwt;
    }

    @GET
    @Path("login")
    @PermitAll
    public TemplateInstance form(@QueryParam("next") String next) {
        return Templates.login(pages.context(), "", safeNext(next), null);
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("username") String username, @FormParam("password") String password,
            @FormParam("next") String next) {
        try {
            AuthService.Tokens tokens = auth.login(username, password, request.getHeader("User-Agent"),
                    request.remoteAddress() == null ? null : request.remoteAddress().host());
            cookies.write(request, tokens);
            return Response.seeOther(URI.create(safeNext(next))).build();
        } catch (ApiException e) {
            String message = e.status() == 401 ? pages.t("auth.login.failed") : pages.t("auth.login.missing");
            return Response.status(e.status() == 401 ? 401 : 400)
                    .entity(Templates.login(pages.context(), username == null ? "" : username, safeNext(next), message))
                    .build();
        }
    }

    @POST
    @Path("logout")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout() {
        auth.logout(jwt.getClaim("sid"));
        cookies.clear(request);
        return Response.seeOther(URI.create("/login")).build();
    }

    private static String safeNext(String next) {
        return Redirects.localPath(next);
    }
}
