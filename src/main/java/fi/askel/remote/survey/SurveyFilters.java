package fi.askel.remote.survey;

import fi.askel.common.ApiException.FieldError;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.peer.GroupAccess;
import fi.askel.rehab.PeriodService;
import fi.askel.remote.survey.SurveyResults.Filter;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The admin's filters for the survey results, as typed (query parameters of the page and the API): checked
 * into a {@link Filter}, and the choices the page offers (service types, course groups, specialists).
 */
@ApplicationScoped
public class SurveyFilters {

    /** A choice in a filter's list: its value and what it shows. */
    @TemplateData
    public record Option(String value, String label) {}

    /** The filter as typed, for the form to show again. */
    @TemplateData
    public record Typed(String from, String to, String serviceType, String peerGroupId, String specialistId) {

        public boolean any() {
            return !(from + to + serviceType + peerGroupId + specialistId).isBlank();
        }
    }

    private final GroupAccess groups;

    public SurveyFilters(GroupAccess groups) {
        this.groups = groups;
    }

    /** The filter, with what was wrong added to {@code errors} (field names as typed). */
    public Filter parse(Typed t, List<FieldError> errors) {
        LocalDate from = day("from", t.from(), errors);
        LocalDate to = day("to", t.to(), errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "survey.admin.filter.range-invalid"));
        }
        String type = blankToNull(t.serviceType());
        if (type != null && !PeriodService.SERVICE_TYPES.contains(type)) {
            errors.add(new FieldError("serviceType", "survey.admin.filter.service-type-invalid"));
        }
        return new Filter(id("specialistId", t.specialistId(), errors), type, id("peerGroupId", t.peerGroupId(), errors), from, to);
    }

    public List<Option> serviceTypes() {
        return PeriodService.SERVICE_TYPES.stream().map(s -> new Option(s, "service." + s)).toList();
    }

    /** Every peer group (an admin sees all): the periods of a course cohort belong to its group. */
    public List<Option> peerGroups(Caller admin) {
        return groups.visibleGroups(admin).stream().map(a -> new Option(String.valueOf(a.groupId()), a.group().name)).toList();
    }

    public List<Option> specialists() {
        return User.listByRole(Role.SPECIALIST).stream().map(u -> new Option(String.valueOf(u.id), u.displayName)).toList();
    }

    private static LocalDate day(String field, String value, List<FieldError> errors) {
        String v = blankToNull(value);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "survey.admin.filter.date-invalid"));
            return null;
        }
    }

    private static Long id(String field, String value, List<FieldError> errors) {
        String v = blankToNull(value);
        try {
            return v == null ? null : Long.valueOf(v);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "survey.admin.filter.id-invalid"));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
