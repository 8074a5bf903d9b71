package fi.askel.rehab;

import java.time.LocalDate;
import java.util.List;

public record PeriodView(Long id, Long clientId, String serviceType, LocalDate startsOn, LocalDate endsOn,
        List<Long> specialistIds, Long peerGroupId) {

    public static PeriodView from(Period p) {
        return new PeriodView(p.id, p.clientId, p.serviceType, p.startsOn, p.endsOn,
                p.specialistIds.stream().sorted().toList(), p.peerGroupId);
    }
}
