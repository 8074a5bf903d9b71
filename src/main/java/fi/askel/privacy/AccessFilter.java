package fi.askel.privacy;

import fi.askel.common.Dates;
import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An admin's search of the access log: by client, by the person who acted, and by time. {@code from} and
 * {@code to} are dates (from the start of {@code from} through the end of {@code to}, in the service's
 * time zone) or instants ({@code 2026-03-01T08:00:00Z}; {@code to} then exclusive).
 */
public record AccessFilter(Long clientId, Long userId, Instant from, Instant to) {

    /** Days are the service's days, as in the rest of the service (followup's Signals). */
    static final ZoneId ZONE = Dates.ZONE;

    /** Parses the query parameters; a bad one is a 400 naming it, and nothing is searched. */
    public static AccessFilter parse(Long clientId, Long userId, String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        Instant start = time("from", from, false, errors);
        Instant end = time("to", to, true, errors);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new FieldError("to", "accesslog.filter.to-before-from"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new AccessFilter(clientId, userId, start, end);
    }

    private static Instant time(String field, String value, boolean endOfDay, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZONE).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "accesslog.filter.time-invalid"));
            return null;
        }
    }

    /** The HQL condition and its parameters, for {@link AccessEvent} queries. */
    String where(Map<String, Object> params) {
        List<String> parts = new ArrayList<>();
        if (clientId != null) {
            parts.add("clientId = :clientId");
            params.put("clientId", clientId);
        }
        if (userId != null) {
            parts.add("actorId = :userId");
            params.put("userId", userId);
        }
        if (from != null) {
            parts.add("occurredAt >= :from");
            params.put("from", from);
        }
        if (to != null) {
            parts.add("occurredAt < :to");
            params.put("to", to);
        }
        return parts.isEmpty() ? "1 = 1" : String.join(" and ", parts);
    }
}
