package fi.askel.remote.survey;

import fi.askel.common.Dates;
import fi.askel.common.Messages;
import fi.askel.remote.survey.SurveyAnswer.Phase;
import fi.askel.remote.survey.SurveyAnswer.Problem;
import fi.askel.remote.survey.SurveyAnswer.Statement;
import fi.askel.remote.survey.SurveyAnswer.Technical;
import fi.askel.remote.survey.SurveyViews.GroupResult;
import fi.askel.remote.survey.SurveyViews.StatementResult;
import fi.askel.remote.survey.SurveyViews.Summary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The survey's results over all periods for the provider's admin. No client may be recognisable: a group
 * with fewer than {@link #THRESHOLD} answers shows only its count, and free texts never appear here (they
 * are for the client's own specialists). Anonymised answers of erased clients still count.
 */
@ApplicationScoped
public class SurveyResults {

    public static final int THRESHOLD = 5;
    static final ZoneId ZONE = Dates.ZONE;

    private final Messages messages;

    public SurveyResults(Messages messages) {
        this.messages = messages;
    }

    /**
     * Which answers to summarise: of one specialist's periods, one service type, the periods of one course
     * group (the peer group the periods belong to), answered between two days (inclusive, Finnish time). Null: any.
     */
    public record Filter(Long specialistId, String serviceType, Long peerGroupId, LocalDate from, LocalDate to) {

        public static final Filter ALL = new Filter(null, null, null, null, null);
    }

    /** Results by phase and in all, optionally only of one specialist's periods or one service type. */
    public Summary summary(Long specialistId, String serviceType, String lang) {
        return summary(new Filter(specialistId, serviceType, null, null, null), lang);
    }

    /**
     * Results by phase and in all of the answers the filter selects. The threshold applies to what is left
     * after filtering, so narrowing the filter can only hide more, never show a small group.
     */
    @Transactional
    public Summary summary(Filter f, String lang) {
        StringBuilder where = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.specialistId() != null) {
            params.add(f.specialistId());
            where.append(" and periodId in (select p.id from Period p join p.specialistIds s where s = ?").append(params.size()).append(")");
        }
        if (f.serviceType() != null && !f.serviceType().isBlank()) {
            params.add(f.serviceType());
            where.append(" and serviceType = ?").append(params.size());
        }
        if (f.peerGroupId() != null) {
            params.add(f.peerGroupId());
            where.append(" and periodId in (select p.id from Period p where p.peerGroupId = ?").append(params.size()).append(")");
        }
        if (f.from() != null) {
            params.add(f.from().atStartOfDay(ZONE).toInstant());
            where.append(" and answeredAt >= ?").append(params.size());
        }
        if (f.to() != null) {
            params.add(f.to().plusDays(1).atStartOfDay(ZONE).toInstant());
            where.append(" and answeredAt < ?").append(params.size());
        }
        List<SurveyAnswer> answers = SurveyAnswer.list(where.toString(), params.toArray());
        List<GroupResult> groups = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            groups.add(group(phase.name(), answers.stream().filter(a -> a.phase == phase).toList()));
        }
        GroupResult all = group("ALL", answers);
        groups.add(all);
        return new Summary(THRESHOLD, groups, all.suppressed() ? null : chart(all, lang));
    }

    static GroupResult group(String name, List<SurveyAnswer> answers) {
        long n = answers.size();
        if (n < THRESHOLD) {
            return new GroupResult(name, n, true, List.of(), Map.of(), Map.of());
        }
        List<StatementResult> statements = Arrays.stream(Statement.values()).map(s -> new StatementResult(s,
                String.format(Locale.ROOT, "%.1f", answers.stream().mapToInt(a -> a.score(s)).average().orElse(0)),
                Math.round(100.0 * answers.stream().filter(a -> a.score(s) >= 4).count() / n))).toList();
        Map<Technical, Long> technical = new EnumMap<>(Technical.class);
        for (Technical t : Technical.values()) {
            technical.put(t, answers.stream().filter(a -> a.technical == t).count());
        }
        Map<Problem, Long> problems = new EnumMap<>(Problem.class);
        for (Problem p : Problem.values()) {
            problems.put(p, answers.stream().filter(a -> a.problems().contains(p)).count());
        }
        return new GroupResult(name, n, false, statements, technical, problems);
    }

    /** Mean score per statement as horizontal bars on the 1–5 scale; the same numbers are in the table beside it. */
    String chart(GroupResult all, String lang) {
        int rowHeight = 36;
        int left = 300;
        int width = 640;
        int plot = width - left - 40;
        int height = 40 + rowHeight * all.statements().size();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"100%\" role=\"img\" aria-labelledby=\"survey-chart-title\" class=\"survey-chart\">")
                .append("<title id=\"survey-chart-title\">").append(escape(messages.get(lang, "survey.admin.chart.title", all.answers())))
                .append("</title>");
        for (int tick = 1; tick <= 5; tick++) {
            double x = left + plot * (tick - 1) / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"20\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d5dbe0\"/>", x, x, height - 14))
                    .append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"14\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1d2329\">%d</text>",
                            x, tick));
        }
        int y = 28;
        for (StatementResult s : all.statements()) {
            double mean = Double.parseDouble(s.mean());
            double w = plot * (mean - 1) / 4.0;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"12\" fill=\"#1d2329\">%s</text>",
                            left - 8, y + 15, escape(messages.get(lang, "survey.statement.short." + s.statement()))))
                    .append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"20\" fill=\"#1f5f7a\"/>", left, y,
                            Math.max(w, 1.0)))
                    .append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"#1d2329\">%s</text>",
                            left + Math.max(w, 1.0) + 4, y + 15, s.mean()));
            y += rowHeight;
        }
        return svg.append("</svg>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
