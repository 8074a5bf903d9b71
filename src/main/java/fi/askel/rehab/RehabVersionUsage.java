package fi.askel.rehab;

import fi.askel.content.VersionUsage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Clients with an assignment of a module version that is not yet approved, counted per version in one query. */
@ApplicationScoped
public class RehabVersionUsage implements VersionUsage {

    @Override
    public Map<Integer, Long> clientsWorking(String slug) {
        List<Object[]> rows = Assignment.getEntityManager().createQuery("select a.moduleVersion, count(distinct a.clientId)"
                + " from Assignment a where a.moduleSlug = ?1 and a.status <> ?2 group by a.moduleVersion", Object[].class)
                .setParameter(1, slug).setParameter(2, AssignmentStatus.APPROVED).getResultList();
        Map<Integer, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put(((Number) r[0]).intValue(), ((Number) r[1]).longValue()));
        return counts;
    }
}
