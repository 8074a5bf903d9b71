package fi.askel.privacy;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The access-log sealer in {@code /q/health}. A late sealer is a fault of the whole service, not of one
 * instance (every instance shares the database): failing readiness would take every instance out of the
 * load balancer at once and stop care work for an audit delay. So in readiness it stays UP and says how
 * far behind it is ({@code behind}, {@code unsealed}, {@code oldestUnsealedAt}); the group
 * {@code /q/health/group/access-log} goes DOWN when it is behind, for monitoring to alert on.
 */
final class AccessSealerHealth {

    static final String NAME = "access-log sealer";

    private AccessSealerHealth() {}

    static HealthCheckResponseBuilder describe(AccessLogIntegrity integrity) {
        HealthCheckResponseBuilder b = HealthCheckResponse.named(NAME);
        try {
            AccessLogIntegrity.SealerStatus s = integrity.status();
            b.withData("behind", s.behind()).withData("unsealed", s.unsealed())
                    .withData("lateAfterSeconds", s.lateAfterSeconds());
            if (s.oldestUnsealedAt() != null) {
                b.withData("oldestUnsealedAt", s.oldestUnsealedAt().toString());
            }
            return b.status(!s.behind());
        } catch (RuntimeException e) {
            // The database's own readiness check reports an unreachable database.
            return b.withData("error", "status unavailable").down();
        }
    }

    /** In readiness: always UP, with the sealer's state as data. */
    @Readiness
    @ApplicationScoped
    static class InReadiness implements HealthCheck {
        private final AccessLogIntegrity integrity;

        InReadiness(AccessLogIntegrity integrity) {
            this.integrity = integrity;
        }

        @Override
        public HealthCheckResponse call() {
            return describe(integrity).up().build();
        }
    }

    /** {@code /q/health/group/access-log}: DOWN while the sealer is behind. */
    @HealthGroup("access-log")
    @ApplicationScoped
    static class Alarm implements HealthCheck {
        private final AccessLogIntegrity integrity;

        Alarm(AccessLogIntegrity integrity) {
            this.integrity = integrity;
        }

        @Override
        public HealthCheckResponse call() {
            return describe(integrity).build();
        }
    }
}
