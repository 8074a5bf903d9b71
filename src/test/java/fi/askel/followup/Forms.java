package fi.askel.followup;

import fi.askel.support.Browser;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Posting a form with repeated fields (checkboxes), with the CSRF token of the page that showed it. */
final class Forms {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private Forms() {}

    static Response post(Browser browser, String pageBody, String path, Map<String, List<String>> fields) {
        Matcher m = CSRF.matcher(pageBody);
        if (!m.find()) {
            throw new AssertionError("the page has no form with a CSRF token");
        }
        var request = browser.request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", m.group(1));
        fields.forEach((name, values) -> request.formParam(name, values.toArray()));
        return request.post(path);
    }
}
