package fi.askel.privacy;

import fi.askel.common.SafeMarkdown;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The privacy notice as safe HTML (see {@link SafeMarkdown}). The notice is written by the provider's
 * admin; images are dropped, and headings move one level down because the page already has its h1.
 */
@ApplicationScoped
public class PrivacyMarkdown {

    private final SafeMarkdown renderer = new SafeMarkdown(1, false, false);

    public String toHtml(String markdown) {
        return renderer.toHtml(markdown);
    }
}
