package fi.askel.identity;

import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.common.web.Pages;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The live strength meter's question (password-meter.js): would this password be accepted, and if not, why,
 * in the person's language. The answer comes from {@link PasswordPolicy#assess}, the rule the forms apply on
 * submit, with the same username and role, so the meter and the form never disagree.
 *
 * <p>Each form's own way in: one's own new password needs the sign-in; a new account's password, the right to
 * create accounts; the page a reset link opens is used before signing in, so there the link's token is the
 * credential (in the body, never in an address). The password is judged in memory and forgotten: nothing is
 * logged or stored, and a refusal is an ordinary 200 answer, not an error that could be logged with its input.
 * A check costs one zxcvbn estimate of at most 72 bytes (and for a reset link one indexed read), no more than
 * submitting the form; the page asks once per pause in typing, and one sign-in or reset link may ask at most
 * {@link StrengthCheckLimit#PER_MINUTE} times a minute.
 *
 * <p>"Same as the current password" is told only on submit: answering it here would let anyone at an unlocked
 * screen guess the current password without the sign-in throttle.
 */
@Path("/api/v1/password-strength")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PasswordStrengthResource {

    public record OwnPasswordRequest(String password) {}

    public record NewAccountPasswordRequest(String password, String username, Role role) {}

    public record ResetPasswordRequest(String token, String password) {}

    /**
     * {@code acceptable}: the form would take it. {@code level}: weak (refused), good, strong. {@code reason}: the
     * message key of the refusal, {@code message} what the form would say (or that it is fine).
     */
    public record StrengthView(boolean acceptable, String level, String field, String reason, String message) {}

    private final PasswordService passwords;
    private final SecurityIdentity identity;
    private final Pages pages;
    private final JsonWebToken jwt;
    private final StrengthCheckLimit limit;

    public PasswordStrengthResource(PasswordService passwords, SecurityIdentity identity, Pages pages, JsonWebToken jwt,
            StrengthCheckLimit limit) {
        this.passwords = passwords;
        this.identity = identity;
        this.pages = pages;
        this.jwt = jwt;
        this.limit = limit;
    }

    /** A new password for one's own account (the account page), judged for one's own username and role. */
    @POST
    @Authenticated
    public StrengthView own(OwnPasswordRequest body) {
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        limit.take("sid:" + jwt.getClaim("sid"));
        return judge("newPassword", body == null ? null : body.password(), caller.username(), caller.role());
    }

    /** The first password of an account being created (the users page): as the form will judge it, by its username and role. */
    @POST
    @Path("/new-account")
    @RolesAllowed({Role.ADMIN_NAME, Role.SPECIALIST_NAME})
    public StrengthView newAccount(NewAccountPasswordRequest body) {
        NewAccountPasswordRequest req = body == null ? new NewAccountPasswordRequest(null, null, null) : body;
        limit.take("sid:" + jwt.getClaim("sid"));
        return judge("password", req.password(), req.username(), req.role());
    }

    /** The page a reset link opens: the link's token, while usable, names the account; otherwise 410 as the page. */
    @POST
    @Path("/reset")
    @PermitAll
    public StrengthView reset(ResetPasswordRequest body) {
        String token = body == null ? null : body.token();
        if (token != null && token.length() <= 100) {
            limit.take("reset:" + AuthService.sha256(token));
        }
        User user = passwords.resetTarget(token).orElseThrow(
                () -> new ApiException(410, "reset-link-invalid", "password.reset.invalid", List.of()));
        return judge("newPassword", body.password(), user.username, user.role);
    }

    private StrengthView judge(String field, String password, String username, Role role) {
        PasswordPolicy.Verdict verdict = PasswordPolicy.assess(field, password, username, role);
        if (verdict.refusal().isPresent()) {
            FieldError refusal = verdict.refusal().get();
            return new StrengthView(false, "weak", field, refusal.messageKey(), pages.t(refusal.messageKey(), refusal.args()));
        }
        String level = verdict.strong() ? "strong" : "good";
        return new StrengthView(true, level, field, null, pages.t("password.meter." + level));
    }
}
