package fi.askel.common.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * What every page tells about the provider running this service: who they are, how to reach
 * technical support, and the provider's own instructions for emergencies and technical problems
 * (Kela requires both sides to know them). Texts per language override the defaults in the bundles.
 */
@ConfigMapping(prefix = "askel.provider")
public interface ProviderConfig {

    @WithDefault("Askel")
    String name();

    String supportPhone();

    String supportEmail();

    /** e.g. askel.provider.support-hours.fi=ma–pe 8–16 */
    Map<String, String> supportHours();

    /** e.g. askel.provider.emergency-instructions.sv=… (Markdown-free plain text, paragraphs by blank lines) */
    Map<String, String> emergencyInstructions();

    Map<String, String> technicalInstructions();
}
