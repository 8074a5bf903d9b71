package fi.askel.identity;

import fi.askel.common.web.ClientAddress;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Signing in and out through the API. Login and refresh are public: they are how one gets a token. */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final AuthService auth;
    private final HttpServerRequest request;
    private final JsonWebToken jwt;
    private final ClientAddress address;

    public AuthResource(AuthService auth, HttpServerRequest request, JsonWebToken jwt, ClientAddress address) {
        this.auth = auth;
        this.request = request;
        this.jwt = jwt;
        this.address = address;
    }

    /**
     * Signs in. With a second factor on the account, {@code totp} carries a code from the app or one of
     * the recovery codes; without it the answer is 401 {@code totp-required} (only after a right password),
     * a wrong one 401 {@code totp-invalid}. Too many failures: 429 with Retry-After. Staff without a second
     * factor get a sign-in that can only enrol one ({@code mfaEnrolmentRequired: true}).
     */
    @POST
    @Path("/login")
    @PermitAll
    public LoginResponse login(LoginRequest body) {
        LoginRequest req = body == null ? new LoginRequest(null, null, null) : body;
        return LoginResponse.from(auth.login(req.username(), req.password(), req.totp(), request.getHeader("User-Agent"),
                address.of(request)));
    }

    @POST
    @Path("/refresh")
    @PermitAll
    public LoginResponse refresh(RefreshRequest body) {
        return LoginResponse.from(auth.refresh(body == null ? null : body.refreshToken()));
    }

    /** When this sign-in ends if left idle. */
    public record IdleView(java.time.Instant idleExpiresAt, long idleSeconds) {}

    /**
     * "Stay signed in" (the idle warning's button): counts as activity now. 401 when the sign-in has
     * already ended. A cookie-carried call needs X-Requested-With like every unsafe API call.
     */
    @POST
    @Path("/keep-alive")
    @Authenticated
    public IdleView keepAlive() {
        java.time.Instant until = auth.keepAlive(jwt.getClaim("sid"))
                .orElseThrow(() -> new fi.askel.common.ApiException(401, "session-ended", "auth.session.ended", java.util.List.of()));
        return new IdleView(until, Math.max(0, java.time.Duration.between(java.time.Instant.now(), until).toSeconds()));
    }

    /** Ends this sign-in: the token and its refresh token stop working at once. */
    @POST
    @Path("/logout")
    @Authenticated
    public jakarta.ws.rs.core.Response logout() {
        auth.logout(jwt.getClaim("sid"));
        return jakarta.ws.rs.core.Response.noContent().build();
    }
}
