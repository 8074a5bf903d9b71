package fi.askel.identity;

import fi.askel.common.ApiException;
import fi.askel.common.Dates;
import fi.askel.common.web.ClientAddress;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.common.web.Redirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The person's own account: failed sign-ins, the second factor, and changing the password. */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AccountPage {

    private static final List<String> DONE = List.of("password", "mfa-off");
    private static final List<String> ERRORS = List.of("password", "throttled", "staff-required", "password-change-required");

    /** A failed sign-in as the page shows it: local time, and what was wrong. */
    public record Failure(String at, String failed) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(PageContext page, UserView user, TotpService.Status mfa, List<Failure> failures,
                Map<String, String> errors, String done, String error);

        static native TemplateInstance notice(PageContext page, List<Failure> failures, String next);
    }

    private final UserService users;
    private final TotpService totp;
    private final PasswordService passwords;
    private final FailedSignIns failedSignIns;
    private final ClientAddress address;
    private final Pages pages;
    private final SecurityIdentity identity;
    private final JsonWebToken jwt;
    private final HttpServerRequest request;

    public AccountPage(UserService users, TotpService totp, PasswordService passwords, FailedSignIns failedSignIns,
            ClientAddress address, Pages pages, SecurityIdentity identity, JsonWebToken jwt, HttpServerRequest request) {
        this.users = users;
        this.totp = totp;
        this.passwords = passwords;
        this.failedSignIns = failedSignIns;
        this.address = address;
        this.pages = pages;
        this.identity = identity;
        this.jwt = jwt;
        this.request = request;
    }

    @GET
    @Transactional
    public TemplateInstance account(@QueryParam("done") String done, @QueryParam("error") String error) {
        return render(Map.of(), done, error);
    }

    /** Shown right after signing in when someone tried to sign in to the account since the last time. */
    @GET
    @Transactional
    @Path("sign-in-notice")
    public TemplateInstance notice(@QueryParam("next") String next) {
        return Templates.notice(pages.context(), failures(), Redirects.localPath(next));
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@FormParam("currentPassword") String current, @FormParam("newPassword") String next,
            @FormParam("newPasswordAgain") String again) {
        if (next != null && !next.equals(again)) {
            return Response.status(400).entity(render(Map.of("newPasswordAgain", pages.t("password.mismatch")), null, null)).build();
        }
        try {
            passwords.change(caller().id(), current, next, jwt.getClaim("sid"), address.of(request));
            return Response.seeOther(URI.create("/account?done=password")).build();
        } catch (LoginThrottledException e) {
            return Response.status(429).header("Retry-After", e.retryAfterSeconds()).entity(render(
                    Map.of("currentPassword", ThrottleProblemMapper.waitMessage(pages, e.retryAfterSeconds())), null, null)).build();
        } catch (ApiException e) {
            Map<String, String> errors = e.fieldErrors().stream().collect(Collectors.toMap(ApiException.FieldError::field,
                    f -> pages.t(f.messageKey(), f.args()), (a, b) -> a));
            return Response.status(e.status()).entity(render(errors, null, null)).build();
        }
    }

    @Transactional // also when a refused form is shown again: its action's transaction has ended
    TemplateInstance render(Map<String, String> errors, String done, String error) {
        User user = users.findById(caller().id()).orElseThrow(() -> ApiException.notFound("user"));
        return Templates.account(pages.context(), UserView.from(user), totp.status(user), failures(), errors,
                done != null && DONE.contains(done) ? pages.t("account.done." + done) : null,
                error != null && ERRORS.contains(error) ? pages.t("account.error." + error) : null);
    }

    private List<Failure> failures() {
        return failedSignIns.sinceLastSignIn(caller().id(), jwt.getClaim("sid")).stream()
                .map(f -> new Failure(Dates.dateTime(f.at(), pages.lang()), pages.t("account.failed." + f.failed()))).toList();
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
