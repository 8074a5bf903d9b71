package fi.askel.content.steps;

import java.time.LocalDate;

/** What a step needs to lay out an answer for the specialist; given by the follow-up pages. */
public interface ReviewContext extends Texts {

    String date(LocalDate date);

    /** A number with its sign (+1, 0, −1), as goal levels are written. */
    String signed(int value);

    /** Whether a pain rating is high enough to stand out to the specialist. */
    boolean highPain(int pain);
}
