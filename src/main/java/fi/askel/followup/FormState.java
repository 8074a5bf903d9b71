package fi.askel.followup;

import fi.askel.common.ApiException;
import fi.askel.common.web.Pages;
import io.quarkus.qute.TemplateData;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A page with several forms shows at most one of them rejected: which one, what was typed into it
 * and what was wrong with each field, so the person can correct it instead of starting over.
 */
@TemplateData
public final class FormState {

    /** The key under which a problem with the whole form (not one field) is kept. */
    public static final String FORM = "form";

    private final String form;
    private final Map<String, String> values;
    private final Map<String, String> errors;

    private FormState(String form, Map<String, String> values, Map<String, String> errors) {
        this.form = form;
        this.values = values;
        this.errors = errors;
    }

    public static FormState none() {
        return new FormState("", Map.of(), Map.of());
    }

    /**
     * The rejected form: its values, and the refusal's field errors in the page's language. Field
     * names the service uses are renamed to the form's where they differ ({@code rename}).
     */
    public static FormState rejected(String form, Map<String, String> values, ApiException e, Pages pages,
            Map<String, String> rename) {
        Map<String, String> errors = new HashMap<>();
        if (e.fieldErrors().isEmpty()) {
            errors.put(FORM, pages.t(e.messageKey(), e.args()));
        }
        for (ApiException.FieldError f : e.fieldErrors()) {
            errors.putIfAbsent(rename.getOrDefault(f.field(), f.field()), pages.t(f.messageKey(), f.args()));
        }
        Map<String, String> kept = new HashMap<>();
        values.forEach((k, v) -> kept.put(k, v == null ? "" : v));
        return new FormState(form, kept, errors);
    }

    public boolean failed(String name) {
        return form.equals(name);
    }

    public String value(String name, String field) {
        return failed(name) ? values.getOrDefault(field, "") : "";
    }

    /** The field's error, or null when the field (or the form) was fine. */
    public String error(String name, String field) {
        return failed(name) ? errors.get(field) : null;
    }

    /** Whether a value was among the ones chosen in a multi-choice field (kept comma-separated). */
    public boolean chosen(String name, String field, Object value) {
        return failed(name) && Arrays.asList(values.getOrDefault(field, "").split(",")).contains(String.valueOf(value));
    }

    static String join(List<?> values) {
        return values == null ? "" : String.join(",", values.stream().map(String::valueOf).toList());
    }
}
