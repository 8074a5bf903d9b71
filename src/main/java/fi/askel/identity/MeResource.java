package fi.askel.identity;

import fi.askel.common.ApiException;
import fi.askel.common.web.ClientAddress;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class MeResource {

    public record LocaleRequest(String locale) {}

    public record PasswordChangeRequest(String currentPassword, String newPassword) {}

    private final UserService users;
    private final TotpService totp;
    private final FailedSignIns failures;
    private final PasswordService passwords;
    private final SecurityIdentity identity;
    private final JsonWebToken jwt;
    private final HttpServerRequest request;
    private final ClientAddress address;

    public MeResource(UserService users, TotpService totp, FailedSignIns failures, PasswordService passwords,
            SecurityIdentity identity, JsonWebToken jwt, HttpServerRequest request, ClientAddress address) {
        this.users = users;
        this.totp = totp;
        this.failures = failures;
        this.passwords = passwords;
        this.identity = identity;
        this.jwt = jwt;
        this.request = request;
        this.address = address;
    }

    /** The account, whether a second factor is on (or must be enrolled first), and failed sign-ins since the last one. */
    @GET
    @Transactional
    public MeView me() {
        User user = users.findById(caller().id()).orElseThrow(() -> ApiException.notFound("user"));
        return MeView.of(user, totp.isEnabled(user.id), Boolean.TRUE.equals(identity.getAttribute(Caller.ENROLMENT_ONLY)),
                failures.sinceLastSignIn(user.id, jwt.getClaim("sid")),
                Boolean.TRUE.equals(identity.getAttribute(Caller.PASSWORD_CHANGE_REQUIRED)));
    }

    /** The language of the user's pages, messages and emails. */
    @PUT
    @Path("/locale")
    public MeView locale(LocaleRequest body) {
        users.changeLocale(caller().id(), body == null ? null : body.locale());
        return me();
    }

    /**
     * Changes the caller's password. Every other sign-in of the account ends (their tokens and refresh
     * tokens stop working at once); this one goes on, since it has just proved the current password.
     */
    @POST
    @Path("/password")
    public Response changePassword(PasswordChangeRequest body) {
        if (body == null) {
            throw ApiException.invalid("body", "error.body.required");
        }
        passwords.change(caller().id(), body.currentPassword(), body.newPassword(), jwt.getClaim("sid"), address.of(request));
        return Response.noContent().build();
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
