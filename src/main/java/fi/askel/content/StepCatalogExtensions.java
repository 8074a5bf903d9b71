package fi.askel.content;

import io.quarkus.qute.TemplateExtension;

/** Where a step type describes itself on the module's page: frontend/templates/steps/&lt;type&gt;/catalog.html. */
@TemplateExtension
final class StepCatalogExtensions {

    private StepCatalogExtensions() {}

    static String catalogTemplate(ModuleViews.StepView step) {
        return "steps/" + step.type() + "/catalog";
    }
}
