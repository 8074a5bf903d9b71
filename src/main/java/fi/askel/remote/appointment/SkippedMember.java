package fi.askel.remote.appointment;

import io.quarkus.qute.TemplateData;

/**
 * A peer-group member left out of a group session for the group. {@code reason}: {@code not-followed},
 * {@code no-period}, {@code remote-not-assessed}, {@code remote-not-suitable}, {@code remote-consent-missing},
 * {@code busy} (another call at that time) or {@code group-full}; its text is {@code remote.group.skipped.<reason>}.
 */
@TemplateData
public record SkippedMember(Long clientId, String name, String reason) {}
