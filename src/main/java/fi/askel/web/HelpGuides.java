package fi.askel.web;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The plain-language guides, one per role: topics of short numbered steps, with pictures of the real pages as a
 * phone shows them. The texts are in the {@code help} bundles ({@code help.<role>.<topic>.step.<n>}, {@code help.picture.
 * <name>.alt}); the pictures are {@code frontend/static/help/<name>-<lang>.png}, taken by HelpScreenshotsJourneyTest.
 */
public final class HelpGuides {

    /** A picture of a real page, shown with the step it illustrates. */
    public record Picture(String name, int afterStep) {
        public String src(String lang) {
            return "/static/help/" + name + "-" + lang + ".png";
        }

        public String altKey() {
            return "help.picture." + name + ".alt";
        }
    }

    /** One thing to do, such as signing in the first time: its steps in order, some with a picture; key is the texts' prefix. */
    public record Topic(String key, int steps, List<Picture> pictures) {
        public String titleKey() {
            return key + ".title";
        }

        public List<Step> stepList() {
            return IntStream.rangeClosed(1, steps).mapToObj(n -> new Step(key + ".step." + n,
                    pictures.stream().filter(p -> p.afterStep() == n).toList())).toList();
        }
    }

    public record Step(String key, List<Picture> pictures) {}

    /** The guide for one role ({@code client}, {@code specialist}, {@code admin}). */
    public record Guide(String role, List<Topic> topics) {
        public String titleKey() {
            return "help.guide." + role + ".title";
        }

        public String introKey() {
            return "help.guide." + role + ".intro";
        }

        public String href() {
            return "/help/" + role;
        }

        public List<Picture> pictures() {
            return topics.stream().flatMap(t -> t.pictures().stream()).toList();
        }
    }

    public static final List<Guide> ALL = List.of(
            new Guide("client", List.of(
                    new Topic("help.client.sign-in", 6, List.of(new Picture("sign-in", 3), new Picture("client-home", 6))),
                    new Topic("help.client.module", 6, List.of(new Picture("client-step", 3))),
                    new Topic("help.client.peer", 7, List.of(new Picture("peer-thread", 5))))),
            new Guide("specialist", List.of(
                    new Topic("help.specialist.sign-in", 7, List.of(new Picture("staff-setup", 3), new Picture("staff-code", 6))),
                    new Topic("help.specialist.assign", 7, List.of(new Picture("specialist-assign", 3),
                            new Picture("specialist-review", 6))),
                    new Topic("help.specialist.moderate", 5, List.of(new Picture("specialist-moderation", 2))))),
            new Guide("admin", List.of(
                    new Topic("help.admin.accounts", 4, List.of(new Picture("admin-create", 2))),
                    new Topic("help.admin.second-factor", 4, List.of(new Picture("admin-mfa-reset", 3))),
                    new Topic("help.admin.access-log", 5, List.of(new Picture("admin-access-log", 3))))));

    private HelpGuides() {
    }

    public static Optional<Guide> forRole(String role) {
        return ALL.stream().filter(g -> g.role().equalsIgnoreCase(role == null ? "" : role)).findFirst();
    }
}
