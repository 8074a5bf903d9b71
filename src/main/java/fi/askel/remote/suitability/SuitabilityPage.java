package fi.askel.remote.suitability;

import fi.askel.common.ApiException;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.followup.Formats;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.rehab.Period;
import fi.askel.remote.suitability.Choices.ClientWish;
import fi.askel.remote.suitability.Choices.Decision;
import fi.askel.remote.suitability.Choices.DigitalSkills;
import fi.askel.remote.suitability.Choices.PrivateSpace;
import fi.askel.remote.suitability.Choices.TestCall;
import fi.askel.remote.suitability.SuitabilityViews.AssessRequest;
import fi.askel.remote.suitability.SuitabilityViews.AssessmentView;
import fi.askel.remote.suitability.SuitabilityViews.SuitabilityView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The specialist's page about a period's suitability assessment: where things stand, the form to assess
 * (again) with the client, and every earlier assessment. Rooted at /clients like the client's page, so the
 * classes share one path prefix. A refused form comes back with what was typed and what was wrong.
 */
@Path("/clients")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@RolesAllowed({Role.SPECIALIST_NAME, Role.ADMIN_NAME})
public class SuitabilityPage {

    /** The form's fields in page order; the names are the API's. */
    static final List<String> FIELDS = List.of("testCall", "testCallNote", "privateSpace", "privateSpaceNote",
            "digitalSkills", "handsOnNeeded", "handsOnNote", "clientWish", "interpreterNeeded", "interpreterLanguage",
            "clientConsented", "decision", "reasons", "supportMeasures");

    @TemplateData
    public record PeriodInfo(Long id, Long clientId, String clientName, String dates) {}

    /** What the form shows: the values typed (or the previous assessment's), and what was wrong. */
    @TemplateData
    public record AssessForm(Map<String, String> values, Map<String, String> errors, String formError, boolean prefilled) {

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public String error(String field) {
            return errors.get(field);
        }

        /** The free-text note of a question (e.g. {@code testCallNote}). */
        public String note(String question) {
            return value(question + "Note");
        }

        public String noteError(String question) {
            return error(question + "Note");
        }

        public boolean is(String field, String value) {
            return value.equals(values.get(field));
        }

        public boolean failed() {
            return formError != null || !errors.isEmpty();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance assessment(PageContext page, Formats fmt, PeriodInfo period, SuitabilityView view,
                boolean canAssess, AssessForm form, Map<String, List<String>> options, boolean saved);
    }

    private final SuitabilityService service;
    private final Pages pages;
    private final SecurityIdentity identity;

    public SuitabilityPage(SuitabilityService service, Pages pages, SecurityIdentity identity) {
        this.service = service;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Path("/{clientId}/periods/{periodId}/suitability")
    @Transactional
    public TemplateInstance assessment(@PathParam("clientId") long clientId, @PathParam("periodId") long periodId,
            @QueryParam("saved") String saved) {
        return render(clientId, periodId, null, null, saved != null);
    }

    /**
     * Not one transaction for the whole request: a refused assessment rolls its own back, and the page that
     * shows the refusal then reads (and logs the read) in a fresh one.
     */
    @POST
    @Path("/{clientId}/periods/{periodId}/suitability")
    public Response assess(@PathParam("clientId") long clientId, @PathParam("periodId") long periodId,
            @FormParam("testCall") String testCall, @FormParam("testCallNote") String testCallNote,
            @FormParam("privateSpace") String privateSpace, @FormParam("privateSpaceNote") String privateSpaceNote,
            @FormParam("digitalSkills") String digitalSkills, @FormParam("handsOnNeeded") String handsOnNeeded,
            @FormParam("handsOnNote") String handsOnNote, @FormParam("clientWish") String clientWish,
            @FormParam("interpreterNeeded") String interpreterNeeded, @FormParam("interpreterLanguage") String interpreterLanguage,
            @FormParam("clientConsented") String clientConsented, @FormParam("decision") String decision,
            @FormParam("reasons") String reasons, @FormParam("supportMeasures") String supportMeasures) {
        List<String> typed = Arrays.asList(testCall, testCallNote, privateSpace, privateSpaceNote, digitalSkills,
                handsOnNeeded, handsOnNote, clientWish, interpreterNeeded, interpreterLanguage, clientConsented, decision,
                reasons, supportMeasures);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < FIELDS.size(); i++) {
            values.put(FIELDS.get(i), typed.get(i) == null ? "" : typed.get(i));
        }
        Caller caller = caller();
        AssessRequest request = new AssessRequest(testCall, testCallNote, privateSpace, privateSpaceNote, digitalSkills,
                bool(handsOnNeeded), handsOnNote, clientWish, bool(interpreterNeeded), interpreterLanguage,
                bool(clientConsented), decision, reasons, supportMeasures);
        try {
            QuarkusTransaction.joiningExisting().run(() -> {
                requirePeriodOf(caller, clientId, periodId);
                service.assess(caller, periodId, request);
            });
            return Response.seeOther(URI.create("/clients/" + clientId + "/periods/" + periodId + "/suitability?saved=1#state"))
                    .build();
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            TemplateInstance page = QuarkusTransaction.joiningExisting().call(() -> render(clientId, periodId, values, e, false));
            return Response.status(e.status()).entity(page).build();
        }
    }

    private TemplateInstance render(long clientId, long periodId, Map<String, String> typed, ApiException refused,
            boolean saved) {
        Caller caller = caller();
        Period period = requirePeriodOf(caller, clientId, periodId);
        SuitabilityView view = service.view(caller, periodId);
        AssessForm form;
        if (refused != null) {
            Map<String, String> errors = new HashMap<>();
            refused.fieldErrors().forEach(f -> errors.putIfAbsent(f.field(), pages.t(f.messageKey(), f.args())));
            form = new AssessForm(typed, errors, refused.fieldErrors().isEmpty() ? pages.t(refused.messageKey(), refused.args())
                    : pages.t("form.has-errors"), false);
        } else {
            form = view.latest() == null ? new AssessForm(Map.of(), Map.of(), null, false)
                    : new AssessForm(values(view.latest()), Map.of(), null, true);
        }
        User client = User.findById(clientId);
        Formats fmt = new Formats(pages.lang());
        return Templates.assessment(pages.context(), fmt,
                new PeriodInfo(period.id, clientId, client.displayName, fmt.date(period.startsOn) + "–" + fmt.date(period.endsOn)), view,
                caller.role() == Role.SPECIALIST && period.specialistIds.contains(caller.id()), form, OPTIONS, saved);
    }

    private Period requirePeriodOf(Caller caller, long clientId, long periodId) {
        Period period = service.visiblePeriod(caller, periodId);
        if (!period.clientId.equals(clientId)) {
            throw ApiException.notFound("period");
        }
        return period;
    }

    private static final Map<String, List<String>> OPTIONS = Map.of(
            "testCall", Choices.names(TestCall.class),
            "privateSpace", Choices.names(PrivateSpace.class),
            "digitalSkills", Choices.names(DigitalSkills.class),
            "clientWish", Choices.names(ClientWish.class),
            "decision", Choices.names(Decision.class),
            "yesNo", List.of("true", "false"));

    /** A reassessment starts from the previous answers: most things do not change between two assessments. */
    private static Map<String, String> values(AssessmentView a) {
        Map<String, String> v = new HashMap<>();
        v.put("testCall", a.testCall());
        v.put("testCallNote", orEmpty(a.testCallNote()));
        v.put("privateSpace", a.privateSpace());
        v.put("privateSpaceNote", orEmpty(a.privateSpaceNote()));
        v.put("digitalSkills", a.digitalSkills());
        v.put("handsOnNeeded", String.valueOf(a.handsOnNeeded()));
        v.put("handsOnNote", orEmpty(a.handsOnNote()));
        v.put("clientWish", a.clientWish());
        v.put("interpreterNeeded", String.valueOf(a.interpreterNeeded()));
        v.put("interpreterLanguage", orEmpty(a.interpreterLanguage()));
        v.put("clientConsented", String.valueOf(a.clientConsented()));
        v.put("decision", a.decision());
        v.put("reasons", orEmpty(a.reasons()));
        v.put("supportMeasures", orEmpty(a.supportMeasures()));
        return v;
    }

    private static Boolean bool(String value) {
        return "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
