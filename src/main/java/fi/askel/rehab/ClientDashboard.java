package fi.askel.rehab;

import fi.askel.common.Messages;
import fi.askel.identity.Caller;
import fi.askel.rehab.AssignmentViews.AssignmentView;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What a client sees first: their exercises with progress, and their goals' ratings over time. */
@ApplicationScoped
public class ClientDashboard {

    @TemplateData
    public record Point(String phase, Integer score, int x, int y) {}

    /** One goal drawn on a −2..+2 scale at the three phases; {@code line} is the SVG polyline. */
    @TemplateData
    public record GoalChart(Long id, String title, int weight, List<Point> points, String line) {}

    public record View(List<AssignmentView> open, List<AssignmentView> finished, List<GoalChart> goals) {}

    private final AssignmentService assignments;
    private final GoalService goals;
    private final Messages messages;

    public ClientDashboard(AssignmentService assignments, GoalService goals, Messages messages) {
        this.assignments = assignments;
        this.goals = goals;
        this.messages = messages;
    }

    public View forClient(Caller caller, String lang) {
        List<AssignmentView> all = assignments.list(caller, null, lang);
        List<AssignmentView> open = all.stream().filter(a -> a.status() != AssignmentStatus.APPROVED).toList();
        List<AssignmentView> finished = all.stream().filter(a -> a.status() == AssignmentStatus.APPROVED).toList();
        List<GoalChart> charts = goals.goals(caller, caller.id()).stream().map(g -> chart(g, lang)).toList();
        return new View(open, finished, charts);
    }

    private GoalChart chart(GoalService.GoalView g, String lang) {
        List<Point> points = new ArrayList<>();
        GasRating.Phase[] phases = GasRating.Phase.values();
        for (int i = 0; i < phases.length; i++) {
            Integer score = g.ratings().get(phases[i]);
            points.add(new Point(messages.get(lang, "phase." + phases[i].name()), score, 60 + i * 90,
                    score == null ? 0 : 70 - score * 25));
        }
        String line = points.stream().filter(p -> p.score() != null).map(p -> p.x() + "," + p.y())
                .collect(Collectors.joining(" "));
        return new GoalChart(g.id(), g.title(), g.weight(), points, line);
    }
}
