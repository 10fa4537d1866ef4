package com.complaintdesk.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import com.complaintdesk.investigation.FeeAuditCalculator.AuditedLine;
import com.complaintdesk.investigation.FeeAuditCalculator.FeeAudit;
import com.complaintdesk.investigation.FeeAuditCalculator.Line;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeeAuditCalculatorTest {

    private final FeeAuditCalculator calculator = new FeeAuditCalculator();

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static Line line(String reference, String amount, String feeCharged) {
        return new Line(reference, amount == null ? null : d(amount), feeCharged == null ? null : d(feeCharged));
    }

    private static void assertLine(AuditedLine line, String expectedFee, String overcharge, String undercharge) {
        assertThat(line.expectedFee()).as(line.reference() + " expected").isEqualByComparingTo(expectedFee);
        assertThat(line.overcharge()).as(line.reference() + " overcharge").isEqualByComparingTo(overcharge);
        assertThat(line.undercharge()).as(line.reference() + " undercharge").isEqualByComparingTo(undercharge);
    }

    private static void assertTotals(FeeAudit audit, String charged, String expected, String overcharge,
            String undercharge) {
        assertThat(audit.totalCharged()).as("total charged").isEqualByComparingTo(charged);
        assertThat(audit.totalExpected()).as("total expected").isEqualByComparingTo(expected);
        assertThat(audit.totalOvercharge()).as("total overcharge").isEqualByComparingTo(overcharge);
        assertThat(audit.refundDue()).as("refund due").isEqualByComparingTo(overcharge);
        assertThat(audit.totalUndercharge()).as("total undercharge").isEqualByComparingTo(undercharge);
    }

    @Test
    void rateRaisedWithoutNotice() {
        // Contract says 0.60%; from some day on the acquirer deducted 0.78% without telling the merchant.
        FeeAudit audit = calculator.audit(d("0.60"), List.of(
                line("T20260302-0001", "1000.00", "6.00"),     // before the raise: correct
                line("T20260310-0417", "10000.00", "78.00"),   // 0.78%
                line("T20260311-0932", "2580.50", "20.13")));  // 0.78% of 2580.50 = 20.1279 -> 20.13

        assertLine(audit.lines().get(0), "6.00", "0.00", "0.00");
        assertLine(audit.lines().get(1), "60.00", "18.00", "0.00");
        assertLine(audit.lines().get(2), "15.48", "4.65", "0.00"); // 15.483 -> 15.48
        assertThat(audit.lines().get(1).effectiveRatePercent()).isEqualByComparingTo("0.78");
        assertThat(audit.lines().get(0).overcharged()).isFalse();
        assertThat(audit.lines().get(1).overcharged()).isTrue();
        assertTotals(audit, "104.13", "81.48", "22.65", "0.00");
    }

    @Test
    void debitCardIsComparedWithTheContractedRateNotTheIssuerFeeCap() {
        // The 0.35% / ¥13 cap of 发改价格〔2016〕557号 limits the issuer's fee, not the merchant's contracted rate:
        // a ¥50,000 debit-card payment at a contracted 0.60% correctly costs ¥300.00, not ¥13.
        FeeAudit audit = calculator.audit(d("0.60"), List.of(
                line("D-50000", "50000.00", "300.00"),
                line("D-3000", "3000.00", "23.40")));   // 0.78% charged on a debit card

        assertLine(audit.lines().get(0), "300.00", "0.00", "0.00");
        assertLine(audit.lines().get(1), "18.00", "5.40", "0.00");
        assertTotals(audit, "323.40", "318.00", "5.40", "0.00");
    }

    @Test
    void mccSwitchingChargesTheStandardRateInsteadOfThePromisedPromotion() {
        // 跳码: the agent promised 0.38% (promotional MCC) but transactions were booked under a 0.60% MCC.
        FeeAudit audit = calculator.audit(d("0.38"), List.of(
                line("M1", "2000.00", "12.00"),
                line("M2", "356.80", "2.14"),      // 0.60% = 2.1408 -> 2.14 charged; 0.38% = 1.35584 -> 1.36
                line("M3", "15000.00", "90.00"),
                line("M4", "88.88", "0.53")));     // 0.60% = 0.53328 -> 0.53 charged; 0.38% = 0.337744 -> 0.34

        assertLine(audit.lines().get(0), "7.60", "4.40", "0.00");
        assertLine(audit.lines().get(1), "1.36", "0.78", "0.00");
        assertLine(audit.lines().get(2), "57.00", "33.00", "0.00");
        assertLine(audit.lines().get(3), "0.34", "0.19", "0.00");
        assertThat(audit.lines()).extracting(AuditedLine::effectiveRatePercent)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("0.60"), d("0.5998"), d("0.60"), d("0.5963"));
        assertTotals(audit, "104.67", "66.30", "38.37", "0.00");
        assertThat(audit.report()).contains("签约费率 Contracted rate 0.38%",
                "交易 Tx M3: 金额 Amount ¥15000.00, 应收 Expected ¥57.00, 实收 Charged ¥90.00, 多收 Overcharge ¥33.00"
                        + " (实际费率 Effective rate 0.60%)",
                "合计 Total: 实收 Charged ¥104.67, 应收 Expected ¥66.30, 应退 Refund due ¥38.37");
    }

    /** Expected fee rounds HALF_UP to the fen, including exact half fen (HALF_EVEN would differ on 7.425). */
    @ParameterizedTest(name = "¥{0} at {1}% -> ¥{2}")
    @CsvSource({
            "1234.50, 0.60, 7.41",    // 7.407
            "1.00,    0.50, 0.01",    // 0.005 exactly: rounds up
            "1237.50, 0.60, 7.43",    // 7.425 exactly: HALF_UP, not HALF_EVEN (7.42)
            "0.83,    0.60, 0.00",    // 0.00498
            "12.34,   0.38, 0.05",    // 0.046892
            "999.99,  0.525, 5.25",   // 5.2499475
            "100,     0.6, 0.60",     // no decimals given
    })
    void expectedFeeRoundsHalfUpToTheFen(String amount, String rate, String expectedFee) {
        AuditedLine line = calculator.audit(d(rate), List.of(line("R", amount, expectedFee))).lines().get(0);

        assertThat(line.expectedFee()).isEqualByComparingTo(expectedFee);
        assertThat(line.expectedFee().scale()).isEqualTo(2);
        assertThat(line.overcharge()).isEqualByComparingTo("0");
        assertThat(line.undercharge()).isEqualByComparingTo("0");
    }

    @Test
    void zeroFeeAndZeroAmountLines() {
        FeeAudit promo = calculator.audit(d("0"), List.of(
                line("FREE-1", "1000.00", "0.00"),      // 0% launch promotion honoured
                line("FREE-2", "2000.00", "5.00")));    // ...and not honoured
        assertLine(promo.lines().get(0), "0.00", "0.00", "0.00");
        assertLine(promo.lines().get(1), "0.00", "5.00", "0.00");
        assertTotals(promo, "5.00", "0.00", "5.00", "0.00");

        FeeAudit zeroAmount = calculator.audit(d("0.60"), List.of(
                line("Z-1", "0.00", "0.00"),
                line("DEPOSIT", "0", "99.00")));        // a "deposit" deducted with no transaction behind it
        assertLine(zeroAmount.lines().get(0), "0.00", "0.00", "0.00");
        assertLine(zeroAmount.lines().get(1), "0.00", "99.00", "0.00");
        assertThat(zeroAmount.lines()).extracting(AuditedLine::effectiveRatePercent).containsOnlyNulls();
        assertTotals(zeroAmount, "99.00", "0.00", "99.00", "0.00");
        assertThat(zeroAmount.report()).contains(
                "交易 Tx Z-1: 金额 Amount ¥0.00, 应收 Expected ¥0.00, 实收 Charged ¥0.00, 多收 Overcharge ¥0.00\n")
                .doesNotContain("Effective rate");
    }

    @Test
    void underchargeIsReportedSeparatelyAndNotNettedAgainstTheRefund() {
        FeeAudit audit = calculator.audit(d("0.60"), List.of(
                line("U1", "1000.00", "3.80"),     // charged 0.38%: undercharged by 2.20
                line("O1", "1000.00", "7.80")));   // charged 0.78%: overcharged by 1.80

        assertLine(audit.lines().get(0), "6.00", "0.00", "2.20");
        assertLine(audit.lines().get(1), "6.00", "1.80", "0.00");
        assertThat(audit.lines().get(0).undercharged()).isTrue();
        assertThat(audit.lines().get(0).overcharged()).isFalse();
        assertTotals(audit, "11.60", "12.00", "1.80", "2.20"); // refund 1.80, not max(0, 1.80 - 2.20)
        assertThat(audit.report()).isEqualTo("""
                签约费率 Contracted rate 0.60%
                交易 Tx U1: 金额 Amount ¥1000.00, 应收 Expected ¥6.00, 实收 Charged ¥3.80, 少收 Undercharged ¥2.20 \
                (实际费率 Effective rate 0.38%)
                交易 Tx O1: 金额 Amount ¥1000.00, 应收 Expected ¥6.00, 实收 Charged ¥7.80, 多收 Overcharge ¥1.80 \
                (实际费率 Effective rate 0.78%)
                合计 Total: 实收 Charged ¥11.60, 应收 Expected ¥12.00, 应退 Refund due ¥1.80
                少收合计 Total undercharged ¥2.20 (不抵减退款 not netted against the refund)""");
    }

    @Test
    void reportForTheStaffForm() {
        FeeAudit audit = calculator.audit(d("0.6"), List.of(line("T1", "1000", "8")));

        assertThat(audit.report()).isEqualTo("""
                签约费率 Contracted rate 0.60%
                交易 Tx T1: 金额 Amount ¥1000.00, 应收 Expected ¥6.00, 实收 Charged ¥8.00, 多收 Overcharge ¥2.00 \
                (实际费率 Effective rate 0.80%)
                合计 Total: 实收 Charged ¥8.00, 应收 Expected ¥6.00, 应退 Refund due ¥2.00""");
        assertThat(audit.totalOvercharge().scale()).isEqualTo(2);
        assertThat(audit.totalOvercharge().toPlainString()).isEqualTo("2.00");
    }

    @Test
    void noTransactions() {
        FeeAudit audit = calculator.audit(d("0.60"), List.of());

        assertThat(audit.lines()).isEmpty();
        assertTotals(audit, "0", "0", "0", "0");
        assertThat(audit.report()).isEqualTo("""
                签约费率 Contracted rate 0.60%
                无交易 No transactions
                合计 Total: 实收 Charged ¥0.00, 应收 Expected ¥0.00, 应退 Refund due ¥0.00""");
    }

    @Test
    void rateBoundsAreInclusive() {
        assertThat(calculator.audit(d("0"), List.of(line("A", "10.00", "0.00"))).totalExpected())
                .isEqualByComparingTo("0.00");
        assertThat(calculator.audit(d("100"), List.of(line("A", "10.00", "10.00"))).totalExpected())
                .isEqualByComparingTo("10.00");
    }

    @Nested
    class Validation {

        private void assertRejected(BigDecimal rate, List<Line> lines, String message) {
            assertThatIllegalArgumentException().isThrownBy(() -> calculator.audit(rate, lines))
                    .withMessage(message);
        }

        private final List<Line> ok = List.of(line("T1", "100.00", "0.60"));

        @Test
        void rateMustBeGiven() {
            assertRejected(null, ok, "contractedRatePercent must not be null");
        }

        @Test
        void rateMustNotBeNegative() {
            assertRejected(d("-0.01"), ok, "contractedRatePercent must be between 0 and 100 (percent), was -0.01");
        }

        @Test
        void rateMustNotExceedHundredPercent() {
            assertRejected(d("100.01"), ok, "contractedRatePercent must be between 0 and 100 (percent), was 100.01");
        }

        @Test
        void transactionsMustBeGiven() {
            assertRejected(d("0.60"), null, "transactions must not be null");
        }

        @Test
        void transactionMustNotBeNull() {
            assertRejected(d("0.60"), Arrays.asList(line("T1", "1.00", "0.01"), null), "transactions[1] must not be null");
        }

        @Test
        void referenceMustNotBeBlank() {
            assertRejected(d("0.60"), List.of(line(" ", "1.00", "0.01")), "transactions[0].reference must not be blank");
            assertRejected(d("0.60"), List.of(line(null, "1.00", "0.01")), "transactions[0].reference must not be blank");
        }

        @Test
        void amountMustBeGiven() {
            assertRejected(d("0.60"), List.of(line("T1", null, "0.01")), "transactions[0].amount must not be null");
        }

        @Test
        void amountMustNotBeNegative() {
            assertRejected(d("0.60"), List.of(line("T1", "1.00", "0.01"), line("T2", "-500.00", "3.00")),
                    "transactions[1].amount must not be negative");
        }

        @Test
        void feeChargedMustBeGiven() {
            assertRejected(d("0.60"), List.of(line("T1", "1.00", null)), "transactions[0].feeCharged must not be null");
        }

        @Test
        void feeChargedMustNotBeNegative() {
            assertRejected(d("0.60"),
                    List.of(line("T1", "1.00", "0.01"), line("T2", "2.00", "0.01"), line("T3", "500.00", "-3.00")),
                    "transactions[2].feeCharged must not be negative");
        }

        @Test
        void moneyHasAtMostTwoDecimals() {
            assertRejected(d("0.60"), List.of(line("T1", "10.005", "0.06")),
                    "transactions[0].amount must have at most 2 decimal places (fen), was 10.005");
            assertRejected(d("0.60"), List.of(line("T1", "10.00", "0.061")),
                    "transactions[0].feeCharged must have at most 2 decimal places (fen), was 0.061");
            // trailing zeros are fine
            assertThat(calculator.audit(d("0.60"), List.of(line("T1", "10.000", "0.0600"))).totalCharged())
                    .isEqualByComparingTo("0.06");
        }
    }
}
