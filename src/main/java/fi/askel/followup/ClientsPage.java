package fi.askel.followup;

import fi.askel.common.ApiException;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.followup.FollowupViews.ClientListItem;
import fi.askel.followup.PeriodForm.SpecialistOption;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.UserService;
import fi.askel.rehab.Period;
import fi.askel.rehab.PeriodService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The specialist's clients, the most urgent first, and opening a period for a new client. */
@Path("/clients")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.SPECIALIST_NAME, Role.ADMIN_NAME})
public class ClientsPage {

    static final List<String> SORTS = List.of("urgency", "activity", "name");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageContext page, Formats fmt, List<ClientListItem> clients, String sort,
                List<String> sorts, FormState state, String clientUsername, List<String> serviceTypes,
                List<SpecialistOption> specialists);
    }

    private final ClientOverviewService overviews;
    private final PeriodService periods;
    private final UserService users;
    private final Pages pages;
    private final SecurityIdentity identity;

    public ClientsPage(ClientOverviewService overviews, PeriodService periods, UserService users, Pages pages,
            SecurityIdentity identity) {
        this.overviews = overviews;
        this.periods = periods;
        this.users = users;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Transactional
    public TemplateInstance list(@QueryParam("sort") String sort) {
        return render(sort, FormState.none(), "");
    }

    /** Opens a period for a client named by username; the specialist becomes responsible and can follow them. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response openPeriod(@FormParam("clientUsername") String clientUsername, @FormParam("serviceType") String serviceType,
            @FormParam("startsOn") String startsOn, @FormParam("endsOn") String endsOn,
            @FormParam("specialistIds") List<Long> specialistIds) {
        Caller caller = caller();
        try {
            Long clientId = users.findByUsername(PeriodForm.blankToNull(clientUsername) == null ? "" : clientUsername.trim().toLowerCase())
                    .filter(u -> u.role == Role.CLIENT).map(u -> u.id)
                    .orElseThrow(() -> ApiException.invalid("clientUsername", "followup.period.client-unknown"));
            Period p = openFor(caller, PeriodForm.request(clientId, serviceType, startsOn, endsOn, specialistIds));
            return Response.seeOther(URI.create("/clients/" + p.clientId + "?saved=period#period")).build();
        } catch (ApiException e) {
            FormState state = FormState.rejected(PeriodForm.NAME, PeriodForm.values(serviceType, startsOn, endsOn, specialistIds),
                    e, pages, Map.of());
            return Response.status(e.status()).entity(render(null, state, clientUsername == null ? "" : clientUsername)).build();
        }
    }

    /** Another specialist's client is, to this form, as unknown as a mistyped username. */
    private Period openFor(Caller caller, fi.askel.rehab.PeriodService.CreatePeriodRequest request) {
        try {
            return periods.create(caller, request);
        } catch (ApiException e) {
            throw e.status() == 404 ? ApiException.invalid("clientUsername", "followup.period.client-unknown") : e;
        }
    }

    @Transactional // also when a refused form is shown again: its action's transaction has ended
    TemplateInstance render(String sort, FormState state, String clientUsername) {
        String chosen = sort != null && SORTS.contains(sort) ? sort : SORTS.get(0);
        Caller caller = caller();
        List<ClientListItem> clients = new ArrayList<>(overviews.clients(caller));
        Comparator<ClientListItem> order = switch (chosen) {
            case "activity" -> ClientOverviewService.BY_INACTIVITY;
            case "name" -> ClientOverviewService.BY_NAME;
            default -> ClientOverviewService.BY_URGENCY;
        };
        clients.sort(order);
        return Templates.list(pages.context(), new Formats(pages.lang()), clients, chosen, SORTS, state, clientUsername,
                PeriodForm.serviceTypes(), PeriodForm.specialists(caller));
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
