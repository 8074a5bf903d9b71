package fi.askel.followup;

import fi.askel.common.Messages;
import fi.askel.followup.FollowupViews.PainEffortPoint;
import fi.askel.followup.FollowupViews.QuestionnaireTrend;
import fi.askel.followup.FollowupViews.ScorePoint;
import fi.askel.followup.SvgChart.Point;
import fi.askel.followup.SvgChart.Tick;
import fi.askel.rehab.GasRating.Phase;
import fi.askel.rehab.GoalService.GasView;
import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The pictures of a client's progress, each with the same numbers as a table. */
final class Charts {

    /** A chart and its table alternative; without data only the heading and an empty-state text are shown. */
    @TemplateData
    public record ChartView(String id, String heading, String svg, String caption, List<String> headers,
            List<List<String>> rows, String emptyText) {

        public boolean hasData() {
            return !rows.isEmpty();
        }

        /**
         * The table's head and body as HTML, escaped here like the chart itself: a client's months of daily rows would
         * otherwise be a template loop per cell, costing the page more than the rest of its template.
         */
        public String tableRows() {
            StringBuilder html = new StringBuilder(64 + rows.size() * 24 * headers.size()).append("<thead><tr>");
            headers.forEach(h -> SvgChart.escapeTo(html.append("<th scope=\"col\">"), h).append("</th>"));
            html.append("</tr></thead><tbody>");
            for (List<String> row : rows) {
                html.append("<tr>");
                for (int i = 0; i < row.size(); i++) {
                    SvgChart.escapeTo(html.append(i == 0 ? "<th scope=\"row\">" : "<td>"), row.get(i))
                            .append(i == 0 ? "</th>" : "</td>");
                }
                html.append("</tr>");
            }
            return html.append("</tbody>").toString();
        }
    }

    private static final int MAX_DATE_TICKS = 6;

    private final Messages messages;
    private final String lang;
    private final Formats fmt;

    Charts(Messages messages, String lang) {
        this.messages = messages;
        this.lang = lang;
        this.fmt = new Formats(lang);
    }

    ChartView painEffort(List<PainEffortPoint> points) {
        String heading = t("chart.pain.title");
        List<String> headers = List.of(t("chart.date"), t("chart.pain"), t("chart.effort"), t("chart.sessions"));
        if (points.isEmpty()) {
            return new ChartView("chart-pain", heading, "", heading, headers, List.of(), t("chart.pain.empty"));
        }
        LocalDate first = points.get(0).date();
        LocalDate last = points.get(points.size() - 1).date();
        List<Point> pain = new ArrayList<>();
        List<Point> effort = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (PainEffortPoint p : points) {
            String day = fmt.date(p.date());
            pain.add(new Point(p.date().toEpochDay(), p.pain(), day + ": " + p.pain()));
            effort.add(new Point(p.date().toEpochDay(), p.effort(), day + ": " + p.effort()));
            rows.add(List.of(day, String.valueOf(p.pain()), String.valueOf(p.effort()), String.valueOf(p.sessions())));
        }
        String svg = new SvgChart("chart-pain", heading, messages.get(lang, "chart.pain.desc", fmt.date(first), fmt.date(last)))
                .x(first.toEpochDay(), last.toEpochDay(), dateTicks(first, last))
                .y(0, 10, ticks(0, 10, 2))
                .reference(Flag.HIGH_PAIN_LEVEL, t("chart.pain.limit"))
                .series(t("chart.pain"), pain)
                .series(t("chart.effort"), effort)
                .render();
        return new ChartView("chart-pain", heading, svg, heading, headers, rows, "");
    }

    List<ChartView> questionnaires(List<QuestionnaireTrend> trends) {
        List<ChartView> charts = new ArrayList<>();
        for (int i = 0; i < trends.size(); i++) {
            QuestionnaireTrend q = trends.get(i);
            String id = "chart-questionnaire-" + (i + 1);
            String heading = messages.get(lang, "chart.questionnaire.title", q.instrument());
            List<Point> points = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            for (ScorePoint p : q.results()) {
                LocalDate day = p.recordedAt().atZone(Signals.ZONE).toLocalDate();
                points.add(new Point(day.toEpochDay(), p.score(), fmt.date(day) + ": " + p.score() + " / " + q.maxScore()));
                rows.add(List.of(fmt.date(day), p.score() + " / " + q.maxScore()));
            }
            List<LocalDate> days = q.results().stream().map(p -> p.recordedAt().atZone(Signals.ZONE).toLocalDate()).toList();
            String desc = messages.get(lang, q.higherIsBetter() ? "chart.questionnaire.desc.higher" : "chart.questionnaire.desc.lower",
                    q.maxScore(), q.results().size());
            String svg = new SvgChart(id, heading, desc)
                    .x(days.get(0).toEpochDay(), days.get(days.size() - 1).toEpochDay(), dateTicks(days.get(0), days.get(days.size() - 1)))
                    .y(0, q.maxScore(), ticks(0, q.maxScore(), niceStep(q.maxScore())))
                    .series(q.instrument(), points)
                    .render();
            charts.add(new ChartView(id, heading, svg, heading, List.of(t("chart.date"), t("chart.score")), rows, ""));
        }
        return charts;
    }

    ChartView gas(GasView gas) {
        String heading = t("chart.gas.title");
        List<String> headers = List.of(t("chart.phase"), t("chart.gas.t-score"), t("chart.gas.goals-rated"));
        List<Point> points = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<Tick> xTicks = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            String label = t("phase." + phase.name());
            xTicks.add(new Tick(phase.ordinal(), label));
            Double t = gas.byPhase().get(phase);
            long rated = gas.goals().stream().filter(g -> g.ratings().containsKey(phase)).count();
            if (t != null) {
                points.add(new Point(phase.ordinal(), t, label + ": " + fmt.decimal(t)));
                rows.add(List.of(label, fmt.decimal(t), rated + " / " + gas.goals().size()));
            }
        }
        if (points.isEmpty()) {
            return new ChartView("chart-gas", heading, "", heading, headers, List.of(), t("chart.gas.empty"));
        }
        String svg = new SvgChart("chart-gas", heading, t("chart.gas.desc"))
                .x(-0.5, Phase.values().length - 0.5, xTicks)
                .y(20, 80, ticks(20, 80, 10))
                .reference(50, t("chart.gas.expected"))
                .series(t("chart.gas.t-score"), points)
                .render();
        return new ChartView("chart-gas", heading, svg, heading, headers, rows, "");
    }

    /** Up to six dates spread evenly in time from the first to the last, short when all fall in one year. */
    List<Tick> dateTicks(LocalDate first, LocalDate last) {
        long span = last.toEpochDay() - first.toEpochDay();
        int n = (int) Math.min(MAX_DATE_TICKS, span + 1);
        boolean oneYear = first.getYear() == last.getYear();
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LocalDate day = first.plusDays(n == 1 ? 0 : Math.round((double) i * span / (n - 1)));
            ticks.add(new Tick(day.toEpochDay(), oneYear ? fmt.shortDate(day) : fmt.date(day)));
        }
        return ticks;
    }

    static List<Tick> ticks(int from, int to, int step) {
        List<Tick> ticks = new ArrayList<>();
        for (int v = from; v <= to; v += step) {
            ticks.add(new Tick(v, String.valueOf(v)));
        }
        return ticks;
    }

    /** A step that gives four to ten grid lines for a scale from 0 to max. */
    private static int niceStep(int max) {
        for (int step : new int[] {1, 2, 5, 10, 20, 25, 50, 100}) {
            if (max / step <= 10) {
                return step;
            }
        }
        return Math.max(1, max / 10);
    }

    private String t(String key) {
        return messages.get(lang, key);
    }
}
