package com.complaintdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardNumberMaskerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            card 4111111111111111 declined         | card 411111******1111 declined
            卡号4111 1111 1111 1111失败              | 卡号411111******1111失败
            4111-1111-1111-1111                    | 411111******1111
            UnionPay 6212345678901232 and more     | UnionPay 621234******1232 and more
            13-digit 4222222222222 ok              | 13-digit 422222***2222 ok
            19 not Luhn 6011000990139424000        | 19 not Luhn 6011000990139424000
            19 digits 6011000990139424009          | 19 digits 601100*********4009
            phone 13800138000                      | phone 13800138000
            not Luhn 4111111111111112              | not Luhn 4111111111111112
            order 20261126000042                   | order 20261126000042
            see CP-20261126-000003 (Luhn-valid)    | see CP-20261126-000003 (Luhn-valid)
            card 20261126-000003 typed alone       | card 202611****0003 typed alone
            two 4111111111111111/5500000000000004  | two 411111******1111/550000******0004
            """)
    void masksLuhnValidRunsOf13To19DigitsKeepingFirst6AndLast4(String text, String masked) {
        assertThat(CardNumberMasker.mask(text)).isEqualTo(masked);
    }

    /** The spellings people type: a Chinese input method's full-width digits and the separators seen in the wild. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            卡号６２２２０２１２３４５６７８９４            | 卡号622202******7894
            ６２２２　０２１２　３４５６　７８９４              | 622202******7894
            ６２２２－０２１２－３４５６－７８９４              | 622202******7894
            dots 6222.0212.3456.7894 ok            | dots 622202******7894 ok
            full-width dots 6222．0212．3456．7894  | full-width dots 622202******7894
            slashes 6222/0212/3456/7894            | slashes 622202******7894
            en-dash 6222–0212–3456–7894            | en-dash 622202******7894
            em-dash 6222—0212—3456—7894            | em-dash 622202******7894
            double  6222  0212  3456  7894         | double  622202******7894
            spaced dashes 6222 - 0212 - 3456 - 7894 | spaced dashes 622202******7894
            under 6222_0212_3456_7894.png          | under 622202******7894.png
            mixed 62２2 0212-3456．7894             | mixed 622202******7894
            """)
    void masksFullWidthDigitsAndEverySeparator(String text, String masked) {
        assertThat(CardNumberMasker.mask(text)).isEqualTo(masked);
    }

    /** Written as Unicode escapes: a no-break space, a thin space and a tab. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no-break\u00a06222\u00a00212\u00a03456\u00a07894 | no-break\u00a0622202******7894
            thin\u20096222\u20090212\u20093456\u20097894     | thin\u2009622202******7894
            tab\t6222\t0212\t3456\t7894                      | tab\t622202******7894
            """)
    void masksNumbersSeparatedByInvisibleSpaces(String text, String masked) {
        assertThat(CardNumberMasker.mask(text)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CP-20261126-000003
            see CP-20261126-000003, call 138 0013 8000
            2026-12-01 00:48:03.123 INFO
            ¥1,234,567.89 and 10000.00
            a 30-digit order 123456789012345678901234567890
            ref 12345678901234567890 (20 digits)
            glued to a 0: 41111111111111110
            """)
    void leavesNumbersThatAreNoCardAlone(String text) {
        assertThat(CardNumberMasker.mask(text)).isEqualTo(text);
        assertThat(CardNumberMasker.containsCardNumber(text)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"4111111111111111,true", "4111111111111112,false", "6011000990139424,true", "79927398713,true"})
    void luhn(String digits, boolean valid) {
        assertThat(CardNumberMasker.luhnValid(digits)).isEqualTo(valid);
    }

}
