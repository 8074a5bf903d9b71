package fi.askel.browser;

import com.microsoft.playwright.Page;

/** How a Finnish or Swedish page writes dates and times: as people in Finland write them, never ISO or English. */
final class WrittenDates {

    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            + "|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    /**
     * What a Finnish or Swedish page never shows: an ISO date or timestamp (2026-12-05, 2026-12-05T14:30) or an
     * English month or weekday (5 Dec 2026, December 5, Sat 5), where people expect 5.12.2026 klo 14.30.
     */
    static final java.util.regex.Pattern FOREIGN_DATE = java.util.regex.Pattern.compile(
            "\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}\\S*)?"
                    + "|\\b\\d{1,2}\\.? " + MONTH + "\\b|\\b" + MONTH + " \\d{1,2}\\b"
                    + "|\\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)? \\d{1,2}\\b");

    private WrittenDates() {
    }

    /** On a page in Finnish or Swedish, every date and time a person reads is written as they write it. */
    static void assertAsPeopleWriteThem(Page page) {
        String lang = String.valueOf(page.evaluate("document.documentElement.lang"));
        if (!"fi".equals(lang) && !"sv".equals(lang)) {
            return;
        }
        String text = String.valueOf(page.evaluate("document.body.innerText"));
        java.util.regex.Matcher m = FOREIGN_DATE.matcher(text);
        if (m.find()) {
            int from = Math.max(0, m.start() - 60);
            throw new AssertionError(page.url() + " (" + lang + ") shows a date as \"" + m.group() + "\" in \""
                    + text.substring(from, Math.min(text.length(), m.end() + 40)).replaceAll("\\s+", " ") + "\"");
        }
    }
}
