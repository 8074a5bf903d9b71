package fi.askel.content.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import fi.askel.content.diff.DiffViews.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two texts as a word-level difference: runs of unchanged, removed and added text, in reading order (what was removed
 * before what replaced it). Words, runs of white space and single punctuation marks are compared, so a changed comma
 * or a changed word is marked alone and line breaks of Markdown stay where they were.
 */
public final class WordDiff {

    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}_'’-]+|.", Pattern.DOTALL);

    private WordDiff() {}

    public static List<Segment> of(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        List<Segment> out = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int from = delta.getSource().getPosition();
            add(out, Segment.SAME, a.subList(at, from));
            add(out, Segment.REMOVED, delta.getSource().getLines());
            add(out, Segment.ADDED, delta.getTarget().getLines());
            at = from + delta.getSource().size();
        }
        add(out, Segment.SAME, a.subList(at, a.size()));
        return out;
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /** Appends a run, joined to the previous one of the same kind. */
    private static void add(List<Segment> out, String kind, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        Segment last = out.isEmpty() ? null : out.get(out.size() - 1);
        if (last != null && last.kind().equals(kind)) {
            out.set(out.size() - 1, new Segment(kind, last.text() + text));
        } else {
            out.add(new Segment(kind, text));
        }
    }
}
