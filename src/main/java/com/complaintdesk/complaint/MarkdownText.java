package com.complaintdesk.complaint;

/**
 * Someone's words inside a line of the markdown of a Camunda Form's text view (the key-facts summary): every character
 * that can start inline markup is backslash-escaped (CommonMark lets any ASCII punctuation be), so
 * {@code [Verify](http://evil.example)} shows as those characters and never becomes a link, nor an image, HTML, code
 * or emphasis; an escaped ':', '.' or '@' also keeps a bare address ({@code http://...}, {@code www....},
 * {@code a@b.cn}) from being linked automatically. Line breaks become spaces, so the text stays on its line and never
 * starts a heading, a list or a table. Other characters (letters, digits, '-' in {@code TX-1}) stay as they are.
 */
public final class MarkdownText {

    private static final String INLINE_MARKUP = "\\`*_[]()<>!~&:@|.";

    private MarkdownText() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (cp == '\r' || cp == '\n' || cp == '\u2028' || cp == '\u2029') {
                out.append(' ');
            } else {
                if (cp < 128 && INLINE_MARKUP.indexOf(cp) >= 0) {
                    out.append('\\');
                }
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
