package fi.askel.content.steps;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** One value of a log entry, checked as its field's kind asks: present when required, a time of day, a decimal, a date. */
final class LogValues {

    private LogValues() {}

    static boolean required(JsonNode log, LogEntries.Field f, String at, AnswerCheck c) {
        JsonNode v = log.path(f.name());
        if (v.isMissingNode() || v.isNull() || v.asText("").isBlank()) {
            if (f.required()) {
                c.error(at + "." + f.name(), "answer.value.required");
            }
            return false;
        }
        return true;
    }

    static final java.util.regex.Pattern TIME_OF_DAY = java.util.regex.Pattern.compile("([01]?\\d|2[0-3])[:.]([0-5]\\d)");

    /** A time of day as hh:mm; 7.30 and 07:30 are the same time (Finnish writes a point). Null when it is not one. */
    static String normalTime(String text) {
        java.util.regex.Matcher m = TIME_OF_DAY.matcher(text == null ? "" : text.trim());
        return m.matches() ? String.format("%02d:%s", Integer.parseInt(m.group(1)), m.group(2)) : null;
    }

    static String time(String text, LogEntries.Field f, String at, AnswerCheck c) {
        String time = normalTime(text);
        if (time == null) {
            c.error(at + "." + f.name(), "answer.time.invalid");
        }
        return time;
    }

    static java.math.BigDecimal decimal(JsonNode v, LogEntries.Field f, String at, AnswerCheck c) {
        java.math.BigDecimal value;
        try {
            value = new java.math.BigDecimal(v.asText().trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            value = null;
        }
        if (value == null || value.scale() > 1 || value.compareTo(java.math.BigDecimal.valueOf(f.min(), 1)) < 0
                || value.compareTo(java.math.BigDecimal.valueOf(f.max(), 1)) > 0) {
            c.error(at + "." + f.name(), "answer.decimal.out-of-range." + f.name(), LogEntries.tenths(f.min()), LogEntries.tenths(f.max()));
            return null;
        }
        return value.setScale(1);
    }

    static LocalDate monday(LocalDate day) {
        return day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    }

    static String date(JsonNode log, LogEntries.Field f, String at, AnswerCheck c) {
        try {
            LocalDate date = LocalDate.parse(log.path(f.name()).asText(""));
            if (date.isAfter(c.today())) {
                c.error(at + "." + f.name(), "answer.date.future");
            }
            return date.toString();
        } catch (DateTimeParseException e) {
            c.error(at + "." + f.name(), "answer.date.invalid");
            return null;
        }
    }
}
