package fi.askel.identity;

import fi.askel.common.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.List;

/** Accounts. An admin manages every account; a specialist creates and sees client accounts. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.SPECIALIST_NAME})
public class UserResource {

    public record ResetSentView(String sentTo, java.time.Instant expiresAt) {}

    private final UserService users;
    private final PasswordService passwords;
    private final MfaReset mfaReset;
    private final SecurityIdentity identity;

    public UserResource(UserService users, PasswordService passwords, MfaReset mfaReset, SecurityIdentity identity) {
        this.users = users;
        this.mfaReset = mfaReset;
        this.passwords = passwords;
        this.identity = identity;
    }

    @POST
    public Response create(CreateUserRequest body) {
        if (body == null) {
            throw ApiException.invalid("body", "error.body.required");
        }
        User user = users.create(body, caller());
        return Response.created(URI.create("/api/v1/users/" + user.id)).entity(UserView.from(user)).build();
    }

    @GET
    @Transactional
    public List<UserView> list(@QueryParam("role") Role role, @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw ApiException.invalid(page < 0 ? "page" : "size", "error.paging");
        }
        if (q != null && q.length() > UserSearch.MAX_LENGTH) {
            throw ApiException.invalid("q", "users.search.too-long", UserSearch.MAX_LENGTH);
        }
        return users.search(caller(), role, UserSearch.pattern(q), page * size, size).stream().map(UserView::from).toList();
    }

    @GET
    @Transactional
    @Path("/{id}")
    public UserView get(@PathParam("id") long id) {
        return users.findVisible(caller(), id).map(UserView::from).orElseThrow(() -> ApiException.notFound("user"));
    }

    /**
     * Emails the user a one-time link (valid askel.auth.reset-link-minutes) to choose a new password.
     * The user's sign-ins end at once. 409 when the account has no email address.
     */
    @POST
    @Path("/{id}/password-reset")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response resetPassword(@PathParam("id") long id) {
        PasswordService.ResetSent sent = passwords.requestReset(caller(), id);
        return Response.accepted(new ResetSentView(sent.email(), sent.expiresAt())).build();
    }

    /**
     * Removes the user's second factor (lost phone and recovery codes). Their sign-ins end; staff set
     * up a new app at the next sign-in. 409 for one's own account or when there is none.
     */
    @POST
    @Path("/{id}/mfa-reset")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response resetSecondFactor(@PathParam("id") long id) {
        mfaReset.reset(caller(), id);
        return Response.noContent().build();
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
