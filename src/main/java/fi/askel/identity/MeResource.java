package fi.askel.identity;

import fi.askel.common.ApiException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class MeResource {

    public record LocaleRequest(String locale) {}

    private final UserService users;
    private final SecurityIdentity identity;

    public MeResource(UserService users, SecurityIdentity identity) {
        this.users = users;
        this.identity = identity;
    }

    @GET
    public UserView me() {
        return users.findById(caller().id()).map(UserView::from).orElseThrow(() -> ApiException.notFound("user"));
    }

    /** The language of the user's pages, messages and emails. */
    @PUT
    @Path("/locale")
    public UserView locale(LocaleRequest body) {
        users.changeLocale(caller().id(), body == null ? null : body.locale());
        return me();
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
