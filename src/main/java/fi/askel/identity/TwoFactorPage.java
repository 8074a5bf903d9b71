package fi.askel.identity;

import fi.askel.common.ApiException;
import fi.askel.common.web.ClientAddress;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.common.web.Redirects;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Enrolling an authenticator app (QR code, key, first code), recovery codes, turning it off (clients). */
@Path(SignInGates.ENROL_PAGE)
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class TwoFactorPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance enrol(PageContext page, String groupedKey, boolean required, String next, String error);

        static native TemplateInstance recoveryCodes(PageContext page, List<String> codes, String next);
    }

    private final TotpService totp;
    private final AuthService auth;
    private final Reauthentication reauth;
    private final ClientAddress address;
    private final Pages pages;
    private final SecurityIdentity identity;
    private final JsonWebToken jwt;
    private final HttpServerRequest request;

    public TwoFactorPage(TotpService totp, AuthService auth, Reauthentication reauth, ClientAddress address, Pages pages,
            SecurityIdentity identity, JsonWebToken jwt, HttpServerRequest request) {
        this.totp = totp;
        this.auth = auth;
        this.reauth = reauth;
        this.address = address;
        this.pages = pages;
        this.identity = identity;
        this.jwt = jwt;
        this.request = request;
    }

    /** Shows the enrolment waiting for its first code, starting one when there is no second factor yet. */
    @GET
    @Transactional
    public Response enrol(@QueryParam("next") String next) {
        User user = user();
        Optional<TotpService.Enrolment> pending = totp.pending(user);
        if (pending.isEmpty() && totp.isEnabled(user.id)) {
            return Response.seeOther(URI.create("/account")).build();
        }
        TotpService.Enrolment enrolment = pending.orElseGet(() -> totp.start(user, false));
        return Response.ok(render(enrolment, next, null)).header("Cache-Control", "no-store").build();
    }

    /** The QR code of the waiting enrolment, drawn here; never cached. */
    @GET
    @Transactional
    @Path("qr.svg")
    @Produces("image/svg+xml")
    public Response qr() {
        return totp.pending(user())
                .map(e -> Response.ok(QrCode.svg(e.otpauthUri())).header("Cache-Control", "no-store").build())
                .orElseThrow(() -> ApiException.notFound("enrolment"));
    }

    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@FormParam("code") String code, @FormParam("next") String next) {
        User user = user();
        try {
            List<String> codes = totp.confirm(user, code);
            auth.completeEnrolment(jwt.getClaim("sid"), user.id);
            return Response.ok(Templates.recoveryCodes(pages.context(), codes, Redirects.localPath(next)))
                    .header("Cache-Control", "no-store").build();
        } catch (ApiException e) {
            Optional<TotpService.Enrolment> pending = totp.pending(user);
            if (pending.isEmpty()) {
                return Response.seeOther(URI.create(SignInGates.ENROL_PAGE)).build();
            }
            String message = e.fieldErrors().isEmpty() ? pages.t(e.messageKey()) : pages.t(e.fieldErrors().get(0).messageKey());
            return Response.status(400).entity(render(pending.get(), next, message)).build();
        }
    }

    /** A new phone: a new secret, after the password; the old one works until the new one is confirmed. */
    @POST
    @Path("renew")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renew(@FormParam("password") String password) {
        User user = user();
        return withPassword(user, password, () -> {
            totp.start(user, true);
            return Response.seeOther(URI.create(SignInGates.ENROL_PAGE)).build();
        });
    }

    @POST
    @Path("recovery-codes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recoveryCodes(@FormParam("password") String password) {
        User user = user();
        return withPassword(user, password, () -> Response.ok(Templates.recoveryCodes(pages.context(),
                totp.regenerateRecoveryCodes(user), "/account")).header("Cache-Control", "no-store").build());
    }

    @POST
    @Path("disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disable(@FormParam("password") String password) {
        User user = user();
        return withPassword(user, password, () -> {
            totp.disable(user);
            return Response.seeOther(URI.create("/account?done=mfa-off")).build();
        });
    }

    private Response withPassword(User user, String password, java.util.function.Supplier<Response> action) {
        try {
            reauth.require(user, password, "password", address.of(request));
            return action.get();
        } catch (LoginThrottledException e) {
            return Response.seeOther(URI.create("/account?error=throttled")).build();
        } catch (ApiException e) {
            return Response.seeOther(URI.create("/account?error=" + (e.status() == 403 ? "staff-required" : "password"))).build();
        }
    }

    @Transactional // also when a refused form is shown again: its action's transaction has ended
    TemplateInstance render(TotpService.Enrolment enrolment, String next, String error) {
        boolean required = Boolean.TRUE.equals(identity.getAttribute(Caller.ENROLMENT_ONLY));
        return Templates.enrol(pages.context(), Totp.grouped(enrolment.secret()), required, Redirects.localPath(next), error);
    }

    /**
     * The caller's account, read in a short transaction of its own (or the endpoint's): a password check
     * that follows must hold no connection while a wrong answer is counted (LoginThrottle).
     */
    private User user() {
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        return QuarkusTransaction.joiningExisting().call(() -> User.<User>findByIdOptional(caller.id()))
                .orElseThrow(() -> ApiException.notFound("user"));
    }
}
