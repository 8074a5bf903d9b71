package fi.askel.content;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Whether an SVG file is an inert picture. SVG is served to browsers, where it could run script, load
 * other documents or call home; an illustration needs none of that, so anything that could is refused:
 * a DOCTYPE (entities), processing instructions, script, foreignObject and embedding elements, animation
 * (it can rewrite a link), event handler attributes, and any reference that is not to the file itself
 * ({@code href="#id"}, {@code url(#id)}).
 */
final class SvgCheck {

    static final String NAMESPACE = "http://www.w3.org/2000/svg";

    /** Its size from the viewBox, or what is wrong with it (then width and height are 0). */
    record Result(int width, int height, String problem) {
        static Result refused(String problem) {
            return new Result(0, 0, problem);
        }
    }

    private static final Set<String> REFUSED_ELEMENTS = Set.of("script", "foreignobject", "iframe", "embed", "object",
            "handler", "listener", "animate", "set", "animatemotion", "animatetransform", "animatecolor", "discard", "image",
            "feimage");
    private static final Pattern URL = Pattern.compile("url\\s*\\(\\s*['\"]?\\s*([^)'\"\\s]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern VIEW_BOX = Pattern.compile(
            "^\\s*(-?[0-9.]+)[\\s,]+(-?[0-9.]+)[\\s,]+([0-9.]+)[\\s,]+([0-9.]+)\\s*$");

    private SvgCheck() {}

    static Result check(byte[] bytes) {
        Document doc;
        try {
            doc = parser().parse(new ByteArrayInputStream(bytes));
        } catch (SAXException | IOException e) {
            String why = e.getMessage() != null && e.getMessage().contains("DOCTYPE") ? "has a DOCTYPE, which an SVG image must not have"
                    : "is not well-formed XML (" + e.getMessage() + ")";
            return Result.refused(why);
        }
        Element root = doc.getDocumentElement();
        if (!"svg".equals(root.getLocalName()) || !NAMESPACE.equals(root.getNamespaceURI())) {
            return Result.refused("is not an SVG image: its root element is not <svg> in the SVG namespace");
        }
        String problem = inspect(doc);
        if (problem != null) {
            return Result.refused(problem);
        }
        Matcher box = VIEW_BOX.matcher(root.getAttribute("viewBox"));
        if (!box.matches()) {
            return Result.refused("needs a viewBox (e.g. viewBox=\"0 0 320 200\") so that it can scale");
        }
        int width = (int) Math.ceil(Double.parseDouble(box.group(3)));
        int height = (int) Math.ceil(Double.parseDouble(box.group(4)));
        if (width < 1 || height < 1 || width > 4000 || height > 4000) {
            return Result.refused("has a viewBox of " + width + "×" + height + "; width and height must be 1–4000");
        }
        return new Result(width, height, null);
    }

    /** The first thing in the document that is not inert, or null. */
    private static String inspect(Node node) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            switch (n.getNodeType()) {
                case Node.PROCESSING_INSTRUCTION_NODE -> {
                    return "contains a processing instruction <?" + n.getNodeName() + "?>, which could load a style sheet";
                }
                case Node.ELEMENT_NODE -> {
                    String problem = element((Element) n);
                    if (problem != null) {
                        return problem;
                    }
                }
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                    String problem = urls(n.getNodeValue(), "a text");
                    if (problem != null) {
                        return problem;
                    }
                }
                default -> {
                    // comments are harmless
                }
            }
            String inner = inspect(n);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    private static String element(Element e) {
        String name = (e.getLocalName() == null ? e.getNodeName() : e.getLocalName()).toLowerCase(Locale.ROOT);
        if (!NAMESPACE.equals(e.getNamespaceURI())) {
            return "contains <" + e.getNodeName() + ">, which is not an SVG element";
        }
        if (REFUSED_ELEMENTS.contains(name)) {
            return "contains <" + e.getNodeName() + ">: an SVG image may not hold script, foreignObject, embedded"
                    + " documents or animation";
        }
        if (name.equals("style") && e.getTextContent().toLowerCase(Locale.ROOT).contains("@import")) {
            return "has a <style> with @import, an external reference";
        }
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String attr = (a.getLocalName() == null ? a.getName() : a.getLocalName()).toLowerCase(Locale.ROOT);
            if (attr.startsWith("on")) {
                return "has an event handler attribute " + a.getName() + " on <" + e.getNodeName() + ">";
            }
            if (attr.equals("href") && !a.getValue().strip().startsWith("#")) {
                return "has an external reference " + a.getName() + "=\"" + a.getValue() + "\" on <" + e.getNodeName()
                        + "> (only references within the file, href=\"#id\", are allowed)";
            }
            String problem = urls(a.getValue(), "the attribute " + a.getName());
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String urls(String text, String where) {
        if (text == null) {
            return null;
        }
        Matcher m = URL.matcher(text);
        while (m.find()) {
            if (!m.group(1).startsWith("#")) {
                return "has an external reference url(" + m.group(1) + ") in " + where
                        + " (only references within the file, url(#id), are allowed)";
            }
        }
        return null;
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // errors are thrown, not printed
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
