package fi.askel.privacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.List;

/** Requests and views of the privacy API and pages. */
public final class PrivacyViews {

    private PrivacyViews() {}

    public record AcknowledgeRequest(Integer version, Boolean remoteRehabConsent) {}

    public record ConsentRequest(Boolean given) {}

    public record ErasureRequestBody(String reason) {}

    /** The notice in one language: its Markdown as written and as safe HTML. */
    @TemplateData
    public record NoticeView(int version, String lang, Instant publishedAt, String changeNote, String markdown, String html) {}

    /** A consent as it stands now: {@code since} is when it was last given or withdrawn (null: never asked). */
    @TemplateData
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConsentView(String kind, boolean given, Instant since, Integer noticeVersion) {}

    /** One give or withdraw, never changed afterwards. {@code byClient}: false when staff or the service recorded it. */
    @TemplateData
    public record ConsentHistoryItem(String kind, boolean given, Instant at, int noticeVersion, boolean byClient) {}

    @TemplateData
    public record AcknowledgementView(int version, Instant at) {}

    /** What the client sees on "My privacy". */
    @TemplateData
    public record PrivacyState(int currentVersion, Integer acknowledgedVersion, Instant acknowledgedAt,
            boolean acknowledgementRequired, List<ConsentView> consents, List<ConsentHistoryItem> history,
            List<AcknowledgementView> acknowledgements, ErasureView erasure) {

        public ConsentView consent(String kind) {
            return consents.stream().filter(c -> c.kind().equals(kind)).findFirst().orElse(null);
        }
    }

    /** One thing erasure did: {@code action} ERASED or KEPT, with the localized item and why. */
    @TemplateData
    public record ErasureItem(String item, String action, long count, String label, String why) {}

    /** An erasure request and, once processed, what was erased and what was kept. */
    @TemplateData
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErasureView(Long id, Long userId, String username, String displayName, String origin, String reason,
            Instant requestedAt, Instant processedAt, List<ErasureItem> erased, List<ErasureItem> kept) {

        public boolean processed() {
            return processedAt != null;
        }
    }

    /** A client account the retention job found unused. */
    @TemplateData
    public record InactiveView(Long userId, String username, String displayName, Instant lastSeenAt, Instant flaggedAt,
            Instant anonymisedAfter) {}
}
