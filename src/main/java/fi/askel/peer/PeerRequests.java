package fi.askel.peer;

/** Request bodies of the peer support API. */
public final class PeerRequests {

    private PeerRequests() {}

    public record CreateGroupRequest(String name, String description) {}

    public record UpdateGroupRequest(String name, String description, String rules) {}

    public record AddMemberRequest(Long userId) {}

    /** The caller's own settings in a group; a null field is left as it is. */
    public record MySettingsRequest(String pseudonym, Boolean emailDigest) {}

    public record CreateThreadRequest(String title, String body) {}

    public record CreatePostRequest(String body, Long replyTo) {}

    public record EditPostRequest(String body) {}

    public record ReportRequest(String reason) {}

    public record HideRequest(String reason) {}
}
