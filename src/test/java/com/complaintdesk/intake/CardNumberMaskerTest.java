package com.complaintdesk.intake;

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

    @ParameterizedTest
    @CsvSource({"4111111111111111,true", "4111111111111112,false", "6011000990139424,true", "79927398713,true"})
    void luhn(String digits, boolean valid) {
        assertThat(CardNumberMasker.luhnValid(digits)).isEqualTo(valid);
    }
}
