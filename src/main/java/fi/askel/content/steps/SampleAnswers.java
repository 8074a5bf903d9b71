package fi.askel.content.steps;

import java.util.SplittableRandom;

/** Texts a sample client writes ({@link Step#sampleAnswer}): a few of each kind, in Finnish and Swedish. */
final class SampleAnswers {

    /** An exercise or diary sample holds 1 to this many entries. */
    static final int LOGGED_DAYS = 5;

    static final String[] REFLECTIONS = {
        "Minulle tärkeintä on jaksaa arjessa ja ehtiä ulos joka päivä.",
        "Huomasin, että lyhyt kävely töiden jälkeen auttaa nukkumaan paremmin.",
        "Jag vill orka leka med barnbarnen utan att ryggen värker.",
        "Stressi kasautuu iltaisin; kokeilen hengitysharjoitusta ennen nukkumaanmenoa.",
        "Det hjälper att planera veckan på söndag kväll.",
        "Kipu on ollut vähäisempää, kun olen tehnyt venyttelyt aamuisin."};

    static final String[] PLANS = {"Kävelen puoli tuntia joka päivä ja venyttelen illalla.",
        "Soitan kuntoutuksen asiantuntijalle, jos kipu palaa.", "Jatkan harjoituksia kolmesti viikossa."};

    private SampleAnswers() {
    }

    static String pick(String[] texts, SplittableRandom random) {
        return texts[random.nextInt(texts.length)];
    }

    /** How many entries a sample log holds: 1 to {@link #LOGGED_DAYS}. */
    static int entries(SplittableRandom random) {
        return 1 + random.nextInt(LOGGED_DAYS);
    }
}
