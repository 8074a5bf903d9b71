package fi.askel.content.authoring;

import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One part of a draft as an editor template sees it (the module, a step, an item of a step): the
 * values as typed, each field's form name and id, the loader's messages for it and the languages it
 * still misses. Names are relative to the part: {@code e.items('items')} gives an editor per item.
 */
@TemplateData
public final class Editor {

    private final Object root;
    private final String base;
    private final List<DraftCheck.Problem> problems;
    private final Set<String> outdated;

    Editor(Object root, String base, List<DraftCheck.Problem> problems) {
        this(root, base, problems, Set.of());
    }

    /** {@code outdated}: the paths (from root) of translations older than their Finnish text. */
    Editor(Object root, String base, List<DraftCheck.Problem> problems, Set<String> outdated) {
        this.root = root;
        this.base = base;
        this.problems = problems;
        this.outdated = outdated;
    }

    /** The path of this part within the form (empty for the form's own root). */
    public String path() {
        return base;
    }

    public String full(String name) {
        return base.isEmpty() ? name : name.isEmpty() ? base : base + "." + name;
    }

    public String name(String name) {
        return full(name);
    }

    public String id(String name) {
        return "f-" + full(name).replace('.', '-');
    }

    public String v(String name) {
        return DraftTree.text(root, full(name));
    }

    public Editor at(String name) {
        return new Editor(root, full(name), problems, outdated);
    }

    /** An editor per entry of the list {@code name}. */
    public List<Editor> items(String name) {
        List<Object> list = DraftTree.list(root, full(name));
        return list == null ? List.of() : IntStream.range(0, list.size()).mapToObj(i -> at(name + "." + i)).toList();
    }

    /** The entry's place in its list, from 1. */
    public int number() {
        String last = base.substring(base.lastIndexOf('.') + 1);
        return DraftTree.isIndex(last) ? Integer.parseInt(last) + 1 : 0;
    }

    public boolean isTrue(String name) {
        return "true".equals(v(name).strip());
    }

    /** A yes/no field: {@code fallback} while it is empty (as the loader reads a left-out field). */
    public boolean flag(String name, boolean fallback) {
        String value = v(name).strip();
        return value.isEmpty() ? fallback : value.equals("true");
    }

    /** Whether the list {@code name} holds {@code value} (ticked boxes). */
    public boolean has(String name, String value) {
        List<Object> list = DraftTree.list(root, full(name));
        return list != null && list.contains(value);
    }

    /**
     * Whether the box for {@code value} in the list {@code name} shows ticked: it is in the list, or the list is left
     * out or empty, which the loader reads as every value (an exercise's {@code log:}).
     */
    public boolean tickedOrAll(String name, String value) {
        List<Object> list = DraftTree.list(root, full(name));
        return list == null || list.isEmpty() || list.contains(value);
    }

    /** The loader's messages for exactly this field, or null. */
    public String error(String name) {
        String path = full(name);
        String joined = problems.stream().filter(p -> p.path().equals(path)).map(DraftCheck.Problem::message).distinct()
                .collect(Collectors.joining(" · "));
        return joined.isEmpty() ? null : joined;
    }

    /** Every message about this field or anything in it. */
    public List<String> errorsWithin(String name) {
        String path = full(name);
        return problems.stream().filter(p -> p.within(path)).map(DraftCheck.Problem::message).distinct().toList();
    }

    /** The value of a localized field in one language. */
    public String lv(String name, String lang) {
        return v(name + "." + lang);
    }

    public String lname(String name, String lang) {
        return name(name + "." + lang);
    }

    public String lid(String name, String lang) {
        return id(name + "." + lang);
    }

    public String lerror(String name, String lang) {
        return error(name + "." + lang);
    }

    /** Whether the text is written in another language but not in this one. */
    public boolean missing(String name, String lang) {
        return DraftTree.missing(root, full(name)).contains(lang);
    }

    /** Whether the text in this language is older than its Finnish text (the Finnish changed since). */
    public boolean outdated(String name, String lang) {
        return outdated.contains(full(name) + "." + lang) && !missing(name, lang);
    }
}
