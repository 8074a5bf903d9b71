package fi.askel.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest runs against the real embedded MariaDB unless its profile says otherwise. */
@QuarkusTestResource(EmbeddedDbTestResource.class)
public final class GlobalTestResources {
    private GlobalTestResources() {}
}
