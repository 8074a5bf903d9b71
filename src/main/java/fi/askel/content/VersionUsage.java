package fi.askel.content;

import java.util.Map;

/**
 * How many clients are still working on each version of a module: what an author weighs before changing it. Content
 * knows nothing of who does an exercise; the rehabilitation feature, which does, answers with counts only.
 */
public interface VersionUsage {

    /** Version → number of clients with an unfinished assignment of it (versions nobody works on are absent). */
    Map<Integer, Long> clientsWorking(String slug);
}
