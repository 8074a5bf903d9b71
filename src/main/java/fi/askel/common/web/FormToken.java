package fi.askel.common.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** {@code {inject:csrf.token}} in the templates: this page's token, as {@link FormTokenFilter} worked it out. */
@Named("csrf")
@RequestScoped
public class FormToken {

    private final FormTokens tokens;
    private final RoutingContext rc;
    /** Worked out at the first form of the page: a page has several forms, and each would otherwise compute the HMAC. */
    private String token;

    public FormToken(FormTokens tokens, RoutingContext rc) {
        this.tokens = tokens;
        this.rc = rc;
    }

    public String getParameterName() {
        return FormTokens.FIELD;
    }

    public String getToken() {
        if (token == null) {
            token = compute();
        }
        return token;
    }

    private String compute() {
        String browser = rc.get(FormTokenFilter.BROWSER);
        if (browser == null) {
            throw new IllegalStateException("A form on a page that FormTokenFilter did not see: " + rc.request().path());
        }
        String session = rc.get(FormTokenFilter.SESSION);
        return tokens.token(session == null || session.isEmpty() ? null : session, browser);
    }
}
