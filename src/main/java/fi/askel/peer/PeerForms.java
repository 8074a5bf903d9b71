package fi.askel.peer;

import fi.askel.common.ApiException;
import fi.askel.common.web.Pages;
import java.util.HashMap;
import java.util.Map;

/** A refused form's messages by field, in the page's language ("form" for what belongs to no field). */
final class PeerForms {

    private PeerForms() {}

    static Map<String, String> errors(ApiException e, Pages pages) {
        Map<String, String> errors = new HashMap<>();
        if (e.fieldErrors().isEmpty()) {
            errors.put("form", pages.t(e.messageKey(), e.args()));
        }
        for (ApiException.FieldError f : e.fieldErrors()) {
            errors.putIfAbsent(f.field(), pages.t(f.messageKey(), f.args()));
        }
        return errors;
    }
}
