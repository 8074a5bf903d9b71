package fi.askel.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTML check tells a valid page from an invalid one, and an error from a warning (no browser, no service). */
class HtmlValidityTest {

    private static List<HtmlValidity.Finding> check(String body) {
        return HtmlValidity.check(List.of(new HtmlValidity.Document("test", "http://localhost/x",
                "<!DOCTYPE html>\n<html lang=\"fi\"><head><meta charset=\"utf-8\"><title>Sivu</title></head>\n<body>\n"
                        + body + "\n</body></html>")));
    }

    @Test
    void a_valid_page_has_no_findings() {
        assertEquals(List.of(), check("<main><h1>Otsikko</h1><label for=a>Nimi</label><input id=a name=a required></main>"));
    }

    @Test
    void a_required_select_without_an_empty_first_option_is_an_error_on_its_line() {
        List<HtmlValidity.Finding> findings = check("<label for=s>Valitse</label>\n"
                + "<select id=s name=s required><option value=1>Yksi</option><option value=2>Kaksi</option></select>");
        assertEquals(1, findings.size(), findings.toString());
        HtmlValidity.Finding finding = findings.get(0);
        assertTrue(finding.error());
        assertEquals(5, finding.line());
        assertTrue(finding.message().contains("select"), finding.message());
        assertTrue(finding.source().contains("<select id=s"), finding.source());
    }

    @Test
    void a_redundant_aria_attribute_is_only_a_warning() {
        List<HtmlValidity.Finding> findings = check("<label for=a>Nimi</label><input id=a name=a required aria-required=\"true\">");
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(!findings.get(0).error(), findings.toString());
    }
}
