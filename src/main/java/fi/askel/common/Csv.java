package fi.askel.common;

/**
 * CSV cells for files people open in a spreadsheet. A text cell that a spreadsheet would take for a
 * formula (starting with = + - @, a tab or a carriage return) gets a leading apostrophe, so opening the
 * file cannot run anything (OWASP "CSV injection"); every text cell is quoted.
 */
public final class Csv {

    /** The byte-order mark that makes Excel read a file as UTF-8. */
    public static final String BOM = "\uFEFF";

    private Csv() {}

    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
