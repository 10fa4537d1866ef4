package com.complaintdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkdownTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            [点此核验账户 Verify your account](http://evil.example/phish) | \\[点此核验账户 Verify your account\\]\\(http\\://evil\\.example/phish\\)
            ![x](http://evil.example/x.png)                              | \\!\\[x\\]\\(http\\://evil\\.example/x\\.png\\)
            <img src=x onerror=alert(1)>                                 | \\<img src=x onerror=alert\\(1\\)\\>
            **bold** _em_ `code` ~~gone~~                                | \\*\\*bold\\*\\* \\_em\\_ \\`code\\` \\~\\~gone\\~\\~
            see www.evil.example or a@b.cn                               | see www\\.evil\\.example or a\\@b\\.cn
            TX-1 ¥100 #3 费率0.60%                                        | TX-1 ¥100 #3 费率0\\.60%
            back\\slash &amp;                                            | back\\\\slash \\&amp;
            """)
    void escapesEveryCharacterThatStartsInlineMarkup(String text, String escaped) {
        assertThat(MarkdownText.of(text)).isEqualTo(escaped);
    }

    @Test
    void lineBreaksBecomeSpacesSoTheTextStaysOnItsLine() {
        assertThat(MarkdownText.of("first\n# heading\r\n- item")).isEqualTo("first # heading  - item");
        assertThat(MarkdownText.of("a|b")).isEqualTo("a\\|b");
        assertThat(MarkdownText.of(null)).isEmpty();
    }
}
