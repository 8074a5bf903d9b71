package fi.askel.web;

import fi.askel.common.Messages;
import fi.askel.common.RequestLanguage;
import fi.askel.common.web.Redirects;
import fi.askel.identity.Caller;
import fi.askel.identity.UserService;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The language switch: remembered in a cookie, and in the account of someone signed in. */
@Path("/language")
@PermitAll
public class LanguagePage {

    private final UserService users;
    private final SecurityIdentity identity;
    private final HttpServerRequest request;

    public LanguagePage(UserService users, SecurityIdentity identity, HttpServerRequest request) {
        this.users = users;
        this.identity = identity;
        this.request = request;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@FormParam("lang") String lang, @FormParam("next") String next) {
        String language = Messages.language(lang);
        if (language != null) {
            request.response().addCookie(Cookie.cookie(RequestLanguage.COOKIE, language).setPath("/")
                    .setMaxAge(365L * 24 * 3600).setSameSite(CookieSameSite.LAX).setHttpOnly(true));
            if (!identity.isAnonymous()) {
                Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
                users.changeLocale(caller.id(), language);
            }
        }
        return Response.seeOther(URI.create(Redirects.localPath(next))).build();
    }
}
