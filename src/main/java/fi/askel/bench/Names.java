package fi.askel.bench;

import java.util.SplittableRandom;

/** Finnish and Swedish names and peer-group texts, picked by a seeded random so a seed always gives the same set. */
final class Names {

    private static final String[] FIRST = {"Aino", "Eino", "Helmi", "Juhani", "Kaarina", "Leena", "Matti", "Mikko",
        "Noora", "Pekka", "Riitta", "Sanna", "Tuomas", "Ville", "Anna", "Erik", "Ingrid", "Johan", "Karin", "Lars",
        "Maja", "Nils", "Sofia", "Oskar"};
    private static final String[] LAST = {"Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen",
        "Laine", "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Salminen", "Lindholm", "Nyström", "Holmberg",
        "Sjöberg", "Grönroos", "Åberg"};
    private static final String[] PLACES = {"Metsäpolku", "Havsbris", "Kallio", "Järvi", "Tunturi", "Saari", "Niitty",
        "Skogsstig", "Fjärd", "Kuusi", "Koivu", "Ranta", "Lähde", "Poro", "Kettu", "Björk"};
    static final String[] THREADS = {"Miten saatte liikunnan mahtumaan arkeen?", "Unirytmin kanssa kamppailua",
        "Hur hanterar ni stress på jobbet?", "Vinkkejä selkäjumppaan", "Kevyitä välipaloja?", "Kipu ja sää",
        "Tervetuloa ryhmään! – Välkommen till gruppen!", "Rentoutusharjoitukset illalla"};
    static final String[] POSTS = {
        "Minulla on vaikeuksia löytää aikaa kävelylenkeille töiden jälkeen. Selkä kuitenkin kiittää, kun liikun.",
        "Jag har samma problem! Det som har hjälpt mig är att gå av bussen en hållplats tidigare.",
        "Hyviä ajatuksia! Lyhyetkin liikuntahetket lasketaan.",
        "Kokeilin hengitysharjoitusta ennen nukkumaanmenoa ja nukahdin **paljon** nopeammin.",
        "Tio minuter varje dag känns lättare än en lång promenad en gång i veckan.",
        "Onko kenelläkään vinkkejä, miten jaksaa aamuisin? Herään usein väsyneenä.",
        "Kiitos vinkistä, kokeilen huomenna!",
        "Minulle on auttanut, kun kirjoitan illalla ylös kolme asiaa, jotka menivät hyvin."};

    private Names() {
    }

    static String person(SplittableRandom random) {
        return FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
    }

    /** A pseudonym unique within a group: a place name and the member's place in the group. */
    static String pseudonym(int memberIndex) {
        return PLACES[memberIndex % PLACES.length] + (memberIndex < PLACES.length ? "" : " " + (memberIndex / PLACES.length + 1));
    }

    static String pick(String[] texts, SplittableRandom random) {
        return texts[random.nextInt(texts.length)];
    }
}
