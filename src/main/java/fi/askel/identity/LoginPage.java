package fi.askel.identity;

import fi.askel.common.ApiException;
import fi.askel.common.web.ClientAddress;
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
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The sign-in form and signing out, for people in a browser. Accounts with a second factor get a
 * second step asking for the code; the password is not typed again (LoginChallenge carries it over).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(PageContext page, String username, String next, String error, String notice,
                boolean broker);

        static native TemplateInstance code(PageContext page, String next, String error);
    }

    private final AuthService auth;
    private final SessionCookies cookies;
    private final LoginChallenge challenges;
    private final FailedSignIns failures;
    private final ClientAddress address;
    private final Pages pages;
    private final HttpServerRequest request;
    private final JsonWebToken jwt;
    private final boolean broker;

    public LoginPage(AuthService auth, SessionCookies cookies, LoginChallenge challenges, FailedSignIns failures,
            ClientAddress address, Pages pages, HttpServerRequest request, JsonWebToken jwt,
            @ConfigProperty(name = BrokerLoginPage.ENABLED, defaultValue = "false") boolean broker) {
        this.auth = auth;
        this.cookies = cookies;
        this.challenges = challenges;
        this.failures = failures;
        this.address = address;
        this.pages = pages;
        this.request = request;
        this.jwt = jwt;
        this.broker = broker;
    }

    @GET
    @Transactional
    @Path("login")
    @PermitAll
    public TemplateInstance form(@QueryParam("next") String next, @QueryParam("reset") String reset,
            @QueryParam("broker") String brokerResult) {
        String error = BrokerLoginPage.UNLINKED.equals(brokerResult) ? pages.t("login.broker.unlinked") : null;
        return loginPage("", next, error, reset == null ? null : pages.t("password.reset.done"));
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("username") String username, @FormParam("password") String password,
            @FormParam("next") String next) {
        String shownName = username == null ? "" : username;
        try {
            User user = auth.checkPassword(username, password, address.of(request));
            if (auth.needsCode(user)) {
                cookies.writeChallenge(request, challenges.issue(user));
                return Response.ok(Templates.code(pages.context(), safeNext(next), null)).build();
            }
            return signedIn(auth.secondFactor(user, null, request.getHeader("User-Agent"), address.of(request)), next);
        } catch (LoginThrottledException e) {
            return Response.status(429).header("Retry-After", e.retryAfterSeconds()).entity(loginPage(shownName, next,
                    ThrottleProblemMapper.waitMessage(pages, e.retryAfterSeconds()), null)).build();
        } catch (ApiException e) {
            String message = e.status() == 401 ? pages.t("auth.login.failed") : pages.t("auth.login.missing");
            return Response.status(e.status() == 401 ? 401 : 400)
                    .entity(loginPage(shownName, next, message, null)).build();
        }
    }

    /** The second step: a code from the app, or a recovery code. */
    @POST
    @Path("login/code")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response code(@FormParam("code") String code, @FormParam("recoveryCode") String recoveryCode,
            @FormParam("next") String next) {
        Optional<User> user = challenges.verify(cookies.challenge(request));
        if (user.isEmpty()) {
            return Response.status(401).entity(loginPage("", next, pages.t("auth.totp.expired"), null)).build();
        }
        String given = recoveryCode != null && !recoveryCode.isBlank() ? recoveryCode : code;
        try {
            return signedIn(auth.secondFactor(user.get(), given == null ? "" : given, request.getHeader("User-Agent"),
                    address.of(request)), next);
        } catch (LoginThrottledException e) {
            cookies.clearChallenge(request);
            return Response.status(429).header("Retry-After", e.retryAfterSeconds()).entity(loginPage(
                    user.get().username, next, ThrottleProblemMapper.waitMessage(pages, e.retryAfterSeconds()), null))
                    .build();
        } catch (ApiException e) {
            String key = AuthService.TOTP_REQUIRED.equals(e.type()) ? "auth.totp.required" : "auth.totp.invalid";
            return Response.status(401).entity(Templates.code(pages.context(), safeNext(next), pages.t(key))).build();
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

    /**
     * Where a fresh sign-in goes: staff without a second factor to enrolling one, someone with failed
     * attempts on their account since the last sign-in to the notice about them, everyone else onwards.
     */
    private Response signedIn(AuthService.Tokens tokens, String next) {
        String target = safeNext(next);
        cookies.clearChallenge(request);
        cookies.write(request, tokens);
        if (tokens.enrolmentRequired()) {
            target = SignInGates.ENROL_PAGE;
        } else if (!failures.sinceLastSignIn(tokens.user().id, tokens.sessionId()).isEmpty()) {
            target = "/account/sign-in-notice?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
        }
        return Response.seeOther(URI.create(target)).build();
    }

    private TemplateInstance loginPage(String username, String next, String error, String notice) {
        return Templates.login(pages.context(), username, safeNext(next), error, notice, broker);
    }

    private static String safeNext(String next) {
        return Redirects.localPath(next);
    }
}
