package fi.askel.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest runs against the real embedded MariaDB and a real SMTP server unless its profile says otherwise. */
@QuarkusTestResource(EmbeddedDbTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
public final class GlobalTestResources {
    private GlobalTestResources() {}
}
