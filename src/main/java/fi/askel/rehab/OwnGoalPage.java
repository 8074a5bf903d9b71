package fi.askel.rehab;

import fi.askel.common.ApiException;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.identity.Caller;
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
import java.util.List;
import java.util.Map;

/**
 * The client's own goal: what each level means, the specialist's ratings beside the client's own, and the form to
 * rate it themselves at the midpoint and at the end.
 */
@Path("/goals/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("CLIENT")
public class OwnGoalPage {

    /** One phase: the specialist's level and the client's own (null when not rated), with what each means. */
    @TemplateData
    public record PhaseRow(String phase, boolean selfRateable, Integer specialist, String specialistText, Integer own,
            String ownText) {}

    @TemplateData
    public record LevelRow(String key, String signed, String text) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance goal(PageContext page, GoalService.GoalView goal, List<LevelRow> levels,
                List<PhaseRow> phases, String nextPhase, Map<String, String> values, Map<String, String> errors, boolean saved);
    }

    private final GoalService goals;
    private final Pages pages;
    private final SecurityIdentity identity;

    public OwnGoalPage(GoalService goals, Pages pages, SecurityIdentity identity) {
        this.goals = goals;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Transactional
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("saved") String saved) {
        return page(id, Map.of(), Map.of(), saved != null);
    }

    @POST
    @Path("/self-rating")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional // one unit: the rating, and the form shown again when it is refused (then rolled back)
    public Response rate(@PathParam("id") long id, @FormParam("phase") String phase, @FormParam("score") String score) {
        GasRating.Phase parsed = Arrays.stream(GasRating.Phase.values()).filter(p -> p.name().equals(phase)).findFirst().orElse(null);
        Integer level = score != null && score.matches("-?\\d") ? Integer.valueOf(score) : null;
        try {
            goals.rate(caller(), id, new GoalService.RatingRequest(level, parsed));
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            Map<String, String> errors = new java.util.HashMap<>();
            e.fieldErrors().forEach(f -> errors.putIfAbsent(f.field(), pages.t(f.messageKey(), f.args())));
            return Response.status(400).entity(page(id, Map.of("phase", phase == null ? "" : phase, "score", score == null ? "" : score),
                    errors, false)).build();
        }
        return Response.seeOther(URI.create("/goals/" + id + "?saved=1")).build();
    }

    private TemplateInstance page(long id, Map<String, String> values, Map<String, String> errors, boolean saved) {
        Caller caller = caller();
        GoalService.GoalView goal = goals.goals(caller, caller.id()).stream().filter(g -> g.id() == id).findFirst()
                .orElseThrow(() -> ApiException.notFound("goal"));
        List<LevelRow> levels = GoalService.LEVELS.stream().map(l -> new LevelRow(l, signed(Integer.parseInt(l)), goal.levels().get(l)))
                .toList();
        List<PhaseRow> phases = Arrays.stream(GasRating.Phase.values()).map(p -> {
            Integer s = goal.ratings().get(p);
            Integer o = goal.selfRatings().get(p);
            return new PhaseRow(p.name(), p != GasRating.Phase.BASELINE, s, s == null ? null : signed(s) + ": " + goal.levels().get(String.valueOf(s)),
                    o, o == null ? null : signed(o) + ": " + goal.levels().get(String.valueOf(o)));
        }).toList();
        String next = goal.selfRatings().containsKey(GasRating.Phase.MIDPOINT) ? "FINAL" : "MIDPOINT";
        return Templates.goal(pages.context(), goal, levels, phases, values.getOrDefault("phase", next), values, errors, saved);
    }

    static String signed(int value) {
        return value > 0 ? "+" + value : value < 0 ? "\u2212" + (-value) : "0";
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
