package fi.askel.browser;

import com.microsoft.playwright.Page;
import java.util.List;

/**
 * Touch targets on a phone: every visible control is at least 44 × 44 CSS px (WCAG 2.1 2.5.5, which issue 11 asks
 * of the client's pages). A checkbox or radio button is measured with its label, which takes the click too; links
 * inside running text are left out, as WCAG leaves them out; links in a menu (the header's, or a page's own contents,
 * sections or pages of a list) are controls and count, and so are the actions under a peer post (reply, edit, report,
 * hide) and beside a table row.
 */
final class TouchTargets {

    static final int MIN = 44;

    private static final String TOO_SMALL = """
            min => {
              const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.name ? '[name=' + e.name + ']' : '')
                  + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
              const found = [];
              const controls = document.querySelectorAll('button, select, textarea, summary, a.button, .site-header a, main nav a,'
                  + ' .post-actions a, .row-actions a, input:not([type=hidden])');
              for (const e of controls) {
                const s = getComputedStyle(e);
                if (s.visibility === 'hidden' || s.display === 'none' || e.closest('[hidden], .visually-hidden')) continue;
                let r = e.getBoundingClientRect();
                if (r.width === 0 && r.height === 0) continue;
                let w = r.width, h = r.height;
                if ((e.type === 'checkbox' || e.type === 'radio') && e.labels && e.labels.length) {
                  for (const l of e.labels) { const b = l.getBoundingClientRect(); w = Math.max(w, b.width); h = Math.max(h, b.height); }
                }
                if (w + 0.5 < min || h + 0.5 < min) {
                  found.push(name(e) + ' ' + Math.round(w) + '×' + Math.round(h) + ' ("' + (e.innerText || e.value || '').trim().slice(0, 30) + '")');
                }
              }
              return found;
            }""";

    private TouchTargets() {
    }

    /** Fails naming each control smaller than 44 × 44 px, as the page is laid out at a phone's width (390 px). */
    static void assertLargeEnough(Page page) {
        com.microsoft.playwright.options.ViewportSize own = page.viewportSize();
        try {
            page.setViewportSize(390, 844);
            @SuppressWarnings("unchecked")
            List<String> small = (List<String>) page.evaluate(TOO_SMALL, MIN);
            if (!small.isEmpty()) {
                throw new AssertionError(page.url() + " has controls smaller than " + MIN + " × " + MIN + " px at 390 px: "
                        + String.join("; ", small));
            }
        } finally {
            if (own != null) {
                page.setViewportSize(own.width, own.height);
            }
        }
    }
}
