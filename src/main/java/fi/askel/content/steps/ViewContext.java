package fi.askel.content.steps;

import fi.askel.content.ModuleViews.SafetyView;
import java.util.List;

/** What a step needs to show itself in one language; given by ModuleService. */
public interface ViewContext extends Texts {

    /** The name of the step's type in this language. */
    String typeLabel();

    /** A module text as safe HTML. */
    String html(String markdown);

    /** Where a browser fetches an illustration of the module being shown. */
    String imageUrl(Image image);

    /** The shared red-flag advice on these topics (all when empty); null when there is none. */
    SafetyView safety(List<String> topics);
}
