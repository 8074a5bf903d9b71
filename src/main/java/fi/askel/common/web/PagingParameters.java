package fi.askel.common.web;

import fi.askel.common.ApiException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every list, page or API, takes {@code page} (from 0) and {@code size}. Checked here once for all of
 * them, before any endpoint multiplies them into an offset: {@code page=2147483647} would overflow it.
 * An out-of-range or non-numeric value is a 400 naming the parameter (a page shows the error page).
 */
public class PagingParameters {

    /** Far beyond any list Askel keeps (10 000 pages of the largest size), small enough that no offset overflows. */
    public static final int MAX_PAGE = 10_000;
    public static final int MAX_SIZE = 500;

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        var query = request.getUriInfo().getQueryParameters();
        check("page", query.getFirst("page"), 0, MAX_PAGE);
        check("size", query.getFirst("size"), 1, MAX_SIZE);
    }

    private static void check(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return;
        }
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "error.paging." + name, min, max);
        }
        if (number < min || number > max) {
            throw ApiException.invalid(name, "error.paging." + name, min, max);
        }
    }
}
