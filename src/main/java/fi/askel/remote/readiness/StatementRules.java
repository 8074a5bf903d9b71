package fi.askel.remote.readiness;

import fi.askel.common.ApiException.FieldError;
import fi.askel.common.Dates;
import fi.askel.common.web.AccessibilityStatement;
import fi.askel.common.web.AccessibilityStatement.Conformance;
import fi.askel.common.web.ProviderTexts.Field;
import fi.askel.remote.readiness.ReadinessViews.TextsRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What the provider's own parts of the accessibility statement must be before they are saved. */
final class StatementRules {

    static final int MAX_PROVIDER = 200;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern WEB = Pattern.compile("https?://[^\\s/]+\\.[^\\s]+");

    private StatementRules() {}

    static void check(Map<Field, String> next, List<FieldError> errors) {
        String provider = next.get(Field.A11Y_PROVIDER);
        if (provider != null && provider.length() > MAX_PROVIDER) {
            errors.add(error(Field.A11Y_PROVIDER, "readiness.error.too-long", MAX_PROVIDER));
        }
        String conformance = next.get(Field.A11Y_CONFORMANCE);
        if (conformance != null && List.of(Conformance.values()).stream().noneMatch(c -> c.name().equals(conformance))) {
            errors.add(error(Field.A11Y_CONFORMANCE, "readiness.error.conformance"));
        }
        LocalDate statementDate = date(next, Field.A11Y_STATEMENT_DATE, errors);
        LocalDate assessedOn = date(next, Field.A11Y_ASSESSED_ON, errors);
        if (statementDate != null && assessedOn != null && assessedOn.isAfter(statementDate)) {
            errors.add(error(Field.A11Y_ASSESSED_ON, "readiness.error.assessed-after-statement"));
        }
        String feedback = next.get(Field.A11Y_FEEDBACK);
        if (feedback != null && (feedback.length() > 254 || !(EMAIL.matcher(feedback).matches() || WEB.matcher(feedback).matches()))) {
            errors.add(error(Field.A11Y_FEEDBACK, "readiness.error.feedback"));
        }
        String days = next.get(Field.A11Y_RESPONSE_DAYS);
        if (days != null && !validDays(days)) {
            errors.add(error(Field.A11Y_RESPONSE_DAYS, "readiness.error.response-days", AccessibilityStatement.MAX_RESPONSE_DAYS));
        }
    }

    private static boolean validDays(String days) {
        try {
            int n = Integer.parseInt(days);
            return n >= 1 && n <= AccessibilityStatement.MAX_RESPONSE_DAYS;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A date of the statement: as yyyy-mm-dd, not in the future. */
    private static LocalDate date(Map<Field, String> next, Field field, List<FieldError> errors) {
        String text = next.get(field);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isAfter(Dates.today())) {
                errors.add(error(field, "readiness.error.statement-date.future"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(error(field, "readiness.error.date"));
            return null;
        }
    }

    private static FieldError error(Field field, String key, Object... args) {
        return new FieldError(TextsRequest.name(field), key, args);
    }
}
