package fi.askel.followup;

import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.rehab.PeriodService;
import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The form that opens a rehabilitation period, shared by the client list and the client's page. */
final class PeriodForm {

    static final String NAME = "period";

    @TemplateData
    public record SpecialistOption(Long id, String name) {}

    private PeriodForm() {}

    /** Who else may be named responsible: every active specialist but the caller (who always is). */
    static List<SpecialistOption> specialists(Caller caller) {
        return User.<User>listByRole(Role.SPECIALIST).stream().filter(u -> u.active && !u.id.equals(caller.id()))
                .map(u -> new SpecialistOption(u.id, u.displayName)).toList();
    }

    static List<String> serviceTypes() {
        return PeriodService.SERVICE_TYPES;
    }

    static Map<String, String> values(String serviceType, String startsOn, String endsOn, List<Long> specialistIds) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("serviceType", serviceType);
        values.put("startsOn", startsOn);
        values.put("endsOn", endsOn);
        values.put("specialistIds", FormState.join(specialistIds));
        return values;
    }

    static PeriodService.CreatePeriodRequest request(Long clientId, String serviceType, String startsOn, String endsOn,
            List<Long> specialistIds) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate starts = date("startsOn", startsOn, errors);
        LocalDate ends = date("endsOn", endsOn, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new PeriodService.CreatePeriodRequest(clientId, blankToNull(serviceType), starts, ends,
                specialistIds == null ? List.of() : specialistIds, null);
    }

    /** A date typed into a form; empty is left for the service to refuse, a malformed one is refused here. */
    static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "followup.form.date-invalid"));
            return null;
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
