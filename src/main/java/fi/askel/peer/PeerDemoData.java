package fi.askel.peer;

import fi.askel.identity.DemoAccounts;
import fi.askel.identity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;

/**
 * The demo peer group (askel.demo=true): demo-specialist moderates it, demo-client and demo-client2
 * are its members under pseudonyms, with a pinned welcome thread and a first conversation in Finnish
 * and Swedish. The clients have not accepted the rules yet, so the first visit shows them.
 */
@ApplicationScoped
public class PeerDemoData {

    void seed(@Observes DemoAccounts accounts) {
        User specialist = accounts.get("demo-specialist");
        User client = accounts.get("demo-client");
        User client2 = accounts.get("demo-client2");
        Instant start = Instant.now().minus(Duration.ofDays(3));

        PeerGroup group = new PeerGroup();
        group.name = "Selkäkurssi kevät 2026 – Ryggkurs våren 2026";
        group.description = "Kurssiryhmän vertaistukiryhmä. Kamratstödsgrupp för kursgruppen.";
        group.createdBy = specialist.id;
        group.createdAt = start;
        group.persist();
        member(group, specialist, true, specialist.displayName, start);
        member(group, client, false, "Metsäpolku", start);
        member(group, client2, false, "Havsbris", start);

        DiscussionThread welcome = thread(group, specialist, "Tervetuloa ryhmään! – Välkommen till gruppen!", start);
        welcome.pinned = true;
        post(welcome, specialist, null, """
                Tervetuloa vertaistukiryhmään! Täällä voitte jakaa kokemuksia ja tukea toisianne kurssin aikana.
                Esittäytykää halutessanne lyhyesti: mitä toivotte kuntoutukselta ja mikä tuo teille iloa arjessa?

                Välkommen till kamratstödsgruppen! Här kan ni dela erfarenheter och stödja varandra under kursen.
                Presentera er gärna kort: vad hoppas ni få ut av rehabiliteringen, och vad ger er glädje i vardagen?

                – Sanna (valvoja / moderator)""", start.plus(Duration.ofMinutes(5)));

        DiscussionThread walking = thread(group, client, "Miten saatte liikunnan mahtumaan arkeen?", start.plus(Duration.ofDays(1)));
        Post question = post(walking, client, null, """
                Minulla on vaikeuksia löytää aikaa kävelylenkeille töiden jälkeen. Selkä kuitenkin kiittää, kun liikun.
                Onko teillä vinkkejä, miten liikunnan saa osaksi **tavallista päivää**?""", start.plus(Duration.ofDays(1)));
        post(walking, client2, question, """
                Jag har samma problem! Det som har hjälpt mig är att gå av bussen en hållplats tidigare och gå resten.
                Tio minuter varje dag känns lättare än en lång promenad en gång i veckan.""", start.plus(Duration.ofDays(2)));
        post(walking, specialist, null, """
                Hyviä ajatuksia molemmilta! Lyhyetkin liikuntahetket lasketaan. Bra tankar av er båda!""",
                start.plus(Duration.ofDays(2)).plus(Duration.ofHours(3)));
    }

    private static void member(PeerGroup group, User user, boolean moderator, String pseudonym, Instant at) {
        Member m = new Member();
        m.groupId = group.id;
        m.userId = user.id;
        m.moderator = moderator;
        m.pseudonym = pseudonym;
        m.joinedAt = at;
        m.addedBy = group.createdBy;
        m.rulesAcceptedAt = moderator ? at : null;
        m.persist();
    }

    private static DiscussionThread thread(PeerGroup group, User author, String title, Instant at) {
        DiscussionThread t = new DiscussionThread();
        t.groupId = group.id;
        t.authorId = author.id;
        t.title = title;
        t.createdAt = at;
        t.lastActivityAt = at;
        t.persist();
        return t;
    }

    private static Post post(DiscussionThread thread, User author, Post replyTo, String body, Instant at) {
        Post p = new Post();
        p.threadId = thread.id;
        p.groupId = thread.groupId;
        p.authorId = author.id;
        p.replyToId = replyTo == null ? null : replyTo.id;
        p.body = body.strip();
        p.createdAt = at;
        p.persist();
        thread.postCount++;
        thread.lastActivityAt = at;
        return p;
    }
}
