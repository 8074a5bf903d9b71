package fi.askel.followup;

import com.fasterxml.jackson.databind.JsonNode;
import fi.askel.common.Messages;
import fi.askel.followup.Charts.ChartView;
import fi.askel.followup.DiaryFollowup.DiaryEntryView;
import fi.askel.followup.SvgChart.Point;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The client's diaries drawn for the specialist, each chart with the entries as its table: the sleep diary (time to
 * fall asleep, and how rested, per night), blood glucose over time with the situation of each reading, and how each
 * week went. A diary the client has not written in shows nothing.
 */
final class DiaryCharts {

    private final Messages messages;
    private final String lang;
    private final Formats fmt;
    private final Charts charts;

    DiaryCharts(Messages messages, String lang) {
        this.messages = messages;
        this.lang = lang;
        this.fmt = new Formats(lang);
        this.charts = new Charts(messages, lang);
    }

    List<ChartView> of(List<DiaryEntryView> entries) {
        List<ChartView> views = new ArrayList<>();
        List<DiaryEntryView> sleep = entries.stream().filter(e -> e.log().equals("sleep")).toList();
        List<DiaryEntryView> glucose = entries.stream().filter(e -> e.log().equals("glucose")).toList();
        List<DiaryEntryView> weekly = entries.stream().filter(e -> e.log().equals("weekly-check-in")).toList();
        if (!sleep.isEmpty()) {
            views.add(sleepLatency(sleep));
            views.add(byDay(sleep, "chart-sleep-rested", "diary.chart.rested.title", "diary.sleep.rested", "rested", 1, 5,
                    "diary.chart.rested.desc"));
        }
        if (!glucose.isEmpty()) {
            views.add(glucose(glucose));
        }
        if (!weekly.isEmpty()) {
            views.add(weekly(weekly));
        }
        return views;
    }

    private ChartView sleepLatency(List<DiaryEntryView> nights) {
        String heading = t("diary.chart.sleep.title");
        int max = nights.stream().mapToInt(e -> e.entry().path("minutesToSleep").asInt()).max().orElse(0);
        int top = Math.max(60, (max + 29) / 30 * 30);
        List<Point> points = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (DiaryEntryView e : nights) {
            JsonNode n = e.entry();
            String day = fmt.date(e.date());
            points.add(new Point(e.date().toEpochDay(), n.path("minutesToSleep").asInt(), day + ": " + n.path("minutesToSleep").asInt() + " min"));
            rows.add(List.of(day, time(n.path("bedtime").asText()), n.path("minutesToSleep").asText(), n.path("wakings").asText(),
                    time(n.path("riseTime").asText()), n.path("rested").asText()));
        }
        LocalDate first = nights.get(0).date();
        LocalDate last = nights.get(nights.size() - 1).date();
        String svg = new SvgChart("chart-sleep", heading, messages.get(lang, "diary.chart.sleep.desc", fmt.date(first), fmt.date(last)))
                .x(first.toEpochDay(), last.toEpochDay(), charts.dateTicks(first, last))
                .y(0, top, Charts.ticks(0, top, top / 6))
                .series(t("diary.sleep.minutesToSleep"), points)
                .render();
        return new ChartView("chart-sleep", heading, svg, t("diary.caption.sleep"), headers("diary.sleep.", "date", "bedtime",
                "minutesToSleep", "wakings", "riseTime", "rested"), rows, "");
    }

    private ChartView glucose(List<DiaryEntryView> readings) {
        String heading = t("diary.chart.glucose.title");
        double max = readings.stream().mapToDouble(e -> e.entry().path("mmol").asDouble()).max().orElse(0);
        int top = Math.max(15, (int) Math.ceil(max / 5) * 5);
        List<Point> points = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (DiaryEntryView e : readings) {
            JsonNode n = e.entry();
            LocalTime at = LocalTime.parse(n.path("time").asText());
            String when = fmt.date(e.date()) + " " + time(n.path("time").asText());
            String value = fmt.decimal(n.path("mmol").asDouble());
            String situation = t("diary.glucose.situation." + n.path("situation").asText());
            points.add(new Point(e.date().toEpochDay() + at.toSecondOfDay() / 86_400.0, n.path("mmol").asDouble(),
                    when + ": " + value + " mmol/l, " + situation));
            rows.add(List.of(when, value, situation, n.path("note").asText("")));
        }
        LocalDate first = readings.get(0).date();
        LocalDate last = readings.get(readings.size() - 1).date();
        String svg = new SvgChart("chart-glucose", heading, messages.get(lang, "diary.chart.glucose.desc", fmt.date(first), fmt.date(last)))
                .x(first.toEpochDay(), last.toEpochDay() + 1, charts.dateTicks(first, last))
                .y(0, top, Charts.ticks(0, top, 5))
                .series(t("diary.glucose.mmol"), points)
                .render();
        return new ChartView("chart-glucose", heading, svg, t("diary.caption.glucose"),
                List.of(t("diary.chart.when"), t("diary.glucose.mmol"), t("diary.glucose.situation"), t("diary.glucose.note")), rows, "");
    }

    private ChartView weekly(List<DiaryEntryView> weeks) {
        ChartView chart = byDay(weeks, "chart-weekly", "diary.chart.weekly.title", "diary.weekly-check-in.howWent", "howWent", 1, 5,
                "diary.chart.weekly.desc");
        List<List<String>> rows = weeks.stream().map(e -> List.of(messages.get(lang, "diary.chart.week-of", fmt.date(e.date())),
                e.entry().path("howWent").asText(), e.entry().path("helped").asText(""), e.entry().path("askSpecialist").asText("")))
                .toList();
        return new ChartView(chart.id(), chart.heading(), chart.svg(), t("diary.caption.weekly-check-in"),
                headers("diary.weekly-check-in.", "week", "howWent", "helped", "askSpecialist"), rows, "");
    }

    /** A 1–5 rating per day or week, with its table of day and rating. */
    private ChartView byDay(List<DiaryEntryView> entries, String id, String headingKey, String seriesKey, String field, int min, int max,
            String descKey) {
        String heading = t(headingKey);
        Function<DiaryEntryView, String> label = e -> fmt.date(e.date());
        List<Point> points = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (DiaryEntryView e : entries) {
            int v = e.entry().path(field).asInt();
            points.add(new Point(e.date().toEpochDay(), v, label.apply(e) + ": " + v));
            rows.add(List.of(label.apply(e), String.valueOf(v)));
        }
        LocalDate first = entries.get(0).date();
        LocalDate last = entries.get(entries.size() - 1).date();
        String svg = new SvgChart(id, heading, messages.get(lang, descKey, fmt.date(first), fmt.date(last)))
                .x(first.toEpochDay(), last.toEpochDay(), charts.dateTicks(first, last))
                .y(min - 0.5, max + 0.5, Charts.ticks(min, max, 1))
                .series(t(seriesKey), points)
                .render();
        return new ChartView(id, heading, svg, heading, List.of(t("chart.date"), t(seriesKey)), rows, "");
    }

    private List<String> headers(String prefix, String... fields) {
        return java.util.Arrays.stream(fields).map(f -> t(prefix + f)).toList();
    }

    /** 22.30 (fi, sv), 22:30 (en). */
    private String time(String hhmm) {
        return hhmm.isEmpty() || "en".equals(lang) ? hhmm : hhmm.replaceFirst("^0(\\d)", "$1").replace(':', '.');
    }

    private String t(String key) {
        return messages.get(lang, key);
    }
}
