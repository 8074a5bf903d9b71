package fi.askel.common.web;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** No saved texts: used only when no feature supplies {@link ProviderTexts}. */
@DefaultBean
@ApplicationScoped
class ConfiguredProviderTexts implements ProviderTexts {

    @Override
    public Optional<String> saved(Field field, String lang) {
        return Optional.empty();
    }
}
