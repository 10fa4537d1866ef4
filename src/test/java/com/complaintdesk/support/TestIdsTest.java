package com.complaintdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.complaint.CardNumberMasker;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestIdsTest {

    @Test
    void uniqueIdsAreNeverMaskedAsCardNumbers() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String merchant = TestIds.unique("M-");
            assertThat(seen.add(merchant)).as("unique: %s", merchant).isTrue();
            assertThat(CardNumberMasker.mask(merchant)).isEqualTo(merchant);
            String email = "liu.qiang." + TestIds.digits() + "@example.com";
            assertThat(CardNumberMasker.mask(email)).isEqualTo(email);
        }
    }

    @Test
    void theCheckDigitIsLuhns() {
        // 4111 1111 1111 1111 is the well-known Luhn-valid test card
        assertThat(TestIds.luhnCheckDigit("411111111111111")).isEqualTo(1);
        assertThat(CardNumberMasker.mask("4111111111111111")).isNotEqualTo("4111111111111111");
    }
}
