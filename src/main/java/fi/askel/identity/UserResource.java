package fi.askel.identity;

import fi.askel.common.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

    /** Whether a specialist may author modules in the browser (PUT body and answer). */
    public record AuthoringView(Long userId, Boolean granted) {}

    private final UserService users;
    private final PasswordService passwords;
    private final MfaReset mfaReset;
    private final Capabilities capabilities;
    private final SecurityIdentity identity;

    public UserResource(UserService users, PasswordService passwords, MfaReset mfaReset, Capabilities capabilities,
            SecurityIdentity identity) {
        this.users = users;
        this.capabilities = capabilities;
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
     * Admins: grant ({@code granted: true}) or revoke the authoring permission of a specialist: writing and
     * editing modules in the browser. 409 for an account that is not a specialist's.
     */
    @PUT
    @Path("/{id}/authoring")
    @RolesAllowed(Role.ADMIN_NAME)
    public AuthoringView setAuthoring(@PathParam("id") long id, AuthoringView body) {
        if (body == null || body.granted() == null) {
            throw ApiException.invalid("granted", "capability.granted.required");
        }
        return new AuthoringView(id, capabilities.set(caller(), id, Capability.AUTHORING, body.granted()));
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
