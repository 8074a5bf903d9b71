package fi.askel.followup;

import io.quarkus.qute.TemplateData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and numbers the way a reader of the page's language writes them (14.3.2026, 37,9). */
@TemplateData
public final class Formats {

    private static final Locale FINNISH = Locale.forLanguageTag("fi-FI");
    private static final Locale SWEDISH_FINLAND = Locale.forLanguageTag("sv-FI");
    private static final DateTimeFormatter FINNISH_DATE = DateTimeFormatter.ofPattern("d.M.yyyy");
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter FINNISH_SHORT = DateTimeFormatter.ofPattern("d.M.");
    private static final DateTimeFormatter ENGLISH_SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    private static final String MISSING = "–";

    private final String lang;
    private final Locale locale;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter shortDates;

    public Formats(String lang) {
        this.lang = lang;
        this.locale = "en".equals(lang) ? Locale.UK : "sv".equals(lang) ? SWEDISH_FINLAND : FINNISH;
        this.dates = "en".equals(lang) ? ENGLISH_DATE : FINNISH_DATE;
        this.shortDates = "en".equals(lang) ? ENGLISH_SHORT : FINNISH_SHORT;
    }

    public String date(LocalDate date) {
        return date == null ? MISSING : dates.format(date);
    }

    /** Day and month only, for axis labels where the year is clear: 14.3. */
    public String shortDate(LocalDate date) {
        return date == null ? MISSING : shortDates.format(date);
    }

    /** The day of an instant, in the service's time zone. */
    public String day(Instant at) {
        return at == null ? MISSING : date(at.atZone(Signals.ZONE).toLocalDate());
    }

    /** 14.3.2026 klo 9.05 (fi), 14.3.2026 kl. 9.05 (sv), 14 Mar 2026, 09:05 (en). */
    public String dateTime(Instant at) {
        return fi.askel.common.Dates.dateTime(at, lang);
    }

    /** One decimal, with the language's decimal mark; a dash when there is no value. */
    public String decimal(Double value) {
        if (value == null) {
            return MISSING;
        }
        if (!Double.isFinite(value)) {
            return String.format(locale, "%.1f", value);
        }
        // What String.format(locale, "%.1f") gives (half up on the shortest decimal form, a sign also for -0.0), without
        // parsing a format on every call: a chart's table asks this for every cell.
        String digits = BigDecimal.valueOf(value).abs().setScale(1, RoundingMode.HALF_UP).toPlainString();
        return (Double.compare(value, 0.0) < 0 ? "-" : "") + ("en".equals(lang) ? digits : digits.replace('.', ','));
    }

    /** A whole number with its sign, using a real minus sign: +2, 0, −1. */
    public String signed(Integer value) {
        if (value == null) {
            return MISSING;
        }
        return value > 0 ? "+" + value : value < 0 ? "\u2212" + (-value) : "0";
    }

    public String isoDate(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
