package fi.askel.identity;

import fi.askel.common.ApiException;
import fi.askel.common.web.ClientAddress;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.transaction.Transactional;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller's own second factor. Enrolling is open to an ENROL sign-in (staff who must enrol first);
 * changing an existing second factor asks for the password again.
 */
@Path("/api/v1/me/mfa")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class MfaResource {

    public record PasswordRequest(String password) {}

    public record CodeRequest(String code) {}

    public record EnrolmentView(String secret, String otpauthUri) {}

    public record RecoveryCodesView(List<String> recoveryCodes) {}

    private final TotpService totp;
    private final AuthService auth;
    private final Reauthentication reauth;
    private final SecurityIdentity identity;
    private final JsonWebToken jwt;
    private final HttpServerRequest request;
    private final ClientAddress address;

    public MfaResource(TotpService totp, AuthService auth, Reauthentication reauth, SecurityIdentity identity,
            JsonWebToken jwt, HttpServerRequest request, ClientAddress address) {
        this.totp = totp;
        this.auth = auth;
        this.reauth = reauth;
        this.identity = identity;
        this.jwt = jwt;
        this.request = request;
        this.address = address;
    }

    @GET
    @Transactional
    public TotpService.Status status() {
        return totp.status(user());
    }

    /**
     * Starts enrolling a TOTP app: the secret and its otpauth:// address, to be confirmed with a first
     * code. With a second factor already on, {@code password} is required and the old one keeps working
     * until the new one is confirmed.
     */
    @POST
    @Path("/totp")
    public EnrolmentView start(PasswordRequest body) {
        User user = user();
        if (totp.isEnabled(user.id)) {
            reauth.require(user, body == null ? null : body.password(), "password", address.of(request));
        }
        TotpService.Enrolment e = totp.start(user, true);
        return new EnrolmentView(e.secret(), e.otpauthUri());
    }

    /** Confirms the enrolment with a code from the app; answers the ten recovery codes, shown only now. */
    @POST
    @Path("/totp/confirm")
    public RecoveryCodesView confirm(CodeRequest body) {
        User user = user();
        List<String> codes = totp.confirm(user, body == null ? null : body.code());
        auth.completeEnrolment(jwt.getClaim("sid"), user.id);
        return new RecoveryCodesView(codes);
    }

    /** Turns the second factor off (clients only: staff must keep one). */
    @POST
    @Path("/totp/disable")
    public Response disable(PasswordRequest body) {
        User user = user();
        if (user.role.isStaff()) {
            throw ApiException.forbidden("mfa.staff-required");
        }
        reauth.require(user, body == null ? null : body.password(), "password", address.of(request));
        totp.disable(user);
        return Response.noContent().build();
    }

    /** Ten new recovery codes; the earlier ones stop working. */
    @POST
    @Path("/recovery-codes")
    public RecoveryCodesView regenerate(PasswordRequest body) {
        User user = user();
        reauth.require(user, body == null ? null : body.password(), "password", address.of(request));
        return new RecoveryCodesView(totp.regenerateRecoveryCodes(user));
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
