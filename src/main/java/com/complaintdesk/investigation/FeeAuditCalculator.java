package com.complaintdesk.investigation;

import com.complaintdesk.complaint.BundleWords;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Fee-audit arithmetic for fee-dispute complaints: compares the fee charged on each transaction with the fee the
 * merchant's contracted rate gives, and works out the refund due.
 *
 * <p>Per transaction line:
 * <ul>
 *   <li>expected fee = amount × contracted rate / 100, rounded {@link RoundingMode#HALF_UP HALF_UP} to 2 places
 *       (fen), e.g. ¥1234.50 at 0.60% = 7.407 → ¥7.41, and ¥1.00 at 0.50% = 0.005 → ¥0.01;</li>
 *   <li>overcharge = max(0, fee charged − expected fee);</li>
 *   <li>undercharge = max(0, expected fee − fee charged).</li>
 * </ul>
 * The refund due is the sum of the overcharges. <strong>Undercharged lines are not netted against the
 * refund</strong>: a fee the acquirer failed to collect on one transaction does not reduce what it owes the merchant
 * for overcharging on another. Undercharges are reported separately so the investigator sees them (e.g. a promotional
 * rate that was in fact applied), and {@link FeeAudit#totalUndercharge()} is for information only.
 *
 * <p>The only reference is the contracted (or promised promotional) rate passed in. Regulatory caps are not applied:
 * the debit-card issuer-fee cap of 0.35% / ¥13 per transaction (发改价格〔2016〕557号) limits what the issuer receives,
 * not the merchant discount rate, and capped debit-card pricing (封顶) in a contract is not modelled here; an
 * investigator checks such a contract by hand. Whether a promotional rate was still within its validity period is
 * likewise the investigator's call: audit each period with its own rate.
 *
 * <p>Amounts are yuan with at most 2 decimal places (fen); more decimals are rejected as input errors. Callers
 * converting from {@code double} should use {@link BigDecimal#valueOf(double)}, never {@code new BigDecimal(double)}.
 * The class is pure and stateless (thread-safe); it needs no Spring.
 */
public final class FeeAuditCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int FEN = 2;
    /** Scale of the effective rate in percent, e.g. 0.7800. */
    private static final int RATE_SCALE = 4;

    /**
     * One transaction to audit.
     *
     * @param reference  the transaction reference (not blank)
     * @param amount     transaction amount in yuan (≥ 0, at most 2 decimals)
     * @param feeCharged fee actually deducted, in yuan (≥ 0, at most 2 decimals)
     */
    public record Line(String reference, BigDecimal amount, BigDecimal feeCharged) {
    }

    /**
     * One audited transaction.
     *
     * @param effectiveRatePercent fee charged as a percentage of the amount (4 decimals, HALF_UP), {@code null} when
     *                             the amount is zero
     */
    public record AuditedLine(String reference, BigDecimal amount, BigDecimal feeCharged, BigDecimal expectedFee,
            BigDecimal overcharge, BigDecimal undercharge, BigDecimal effectiveRatePercent) {

        public boolean overcharged() {
            return overcharge.signum() > 0;
        }

        public boolean undercharged() {
            return undercharge.signum() > 0;
        }
    }

    /**
     * The result of an audit. All money values have scale 2.
     *
     * @param totalOvercharge  the refund due: the sum of the overcharges only
     * @param totalUndercharge the sum of the undercharges, reported separately and never subtracted from the refund
     */
    public record FeeAudit(BigDecimal contractedRatePercent, List<AuditedLine> lines, BigDecimal totalCharged,
            BigDecimal totalExpected, BigDecimal totalOvercharge, BigDecimal totalUndercharge) {

        public FeeAudit {
            lines = List.copyOf(lines);
        }

        /** The refund due to the merchant: same as {@link #totalOvercharge()}. */
        public BigDecimal refundDue() {
            return totalOvercharge;
        }

        /**
         * A short multi-line text for the staff form, Chinese first with English beside, one line per transaction
         * and then the totals, e.g.
         * {@code 交易 Tx T1: 金额 Amount ¥1000.00, 应收 Expected ¥6.00, 实收 Charged ¥8.00, 多收 Overcharge ¥2.00}.
         */
        public String report() {
            StringBuilder text = new StringBuilder();
            text.append(words("contractedRate")).append(' ').append(percent(contractedRatePercent)).append('\n');
            if (lines.isEmpty()) {
                text.append(words("noTransactions")).append('\n');
            }
            for (AuditedLine line : lines) {
                text.append(words("tx")).append(' ').append(line.reference())
                        .append(": ").append(words("amount")).append(' ').append(yuan(line.amount()))
                        .append(", ").append(words("expected")).append(' ').append(yuan(line.expectedFee()))
                        .append(", ").append(words("charged")).append(' ').append(yuan(line.feeCharged()));
                if (line.undercharged()) {
                    text.append(", ").append(words("undercharged")).append(' ').append(yuan(line.undercharge()));
                } else {
                    text.append(", ").append(words("overcharge")).append(' ').append(yuan(line.overcharge()));
                }
                if (line.effectiveRatePercent() != null) {
                    text.append(" (").append(words("effectiveRate")).append(' ').append(percent(line.effectiveRatePercent())).append(')');
                }
                text.append('\n');
            }
            text.append(words("total")).append(": ").append(words("charged")).append(' ').append(yuan(totalCharged))
                    .append(", ").append(words("expected")).append(' ').append(yuan(totalExpected))
                    .append(", ").append(words("refundDue")).append(' ').append(yuan(totalOvercharge));
            if (totalUndercharge.signum() > 0) {
                text.append('\n').append(words("totalUndercharged")).append(' ').append(yuan(totalUndercharge))
                        .append(" (").append(words("notNetted")).append(')');
            }
            return text.toString();
        }

        /** "实收 Charged": the words of feeAudit.{@code key} in the message bundles, Chinese first with English beside. */
        private static String words(String key) {
            return BundleWords.both("feeAudit." + key);
        }

        private static String yuan(BigDecimal value) {
            return "¥" + value.setScale(FEN, RoundingMode.HALF_UP).toPlainString();
        }

        /** At least 2 decimals, more only when they carry information: 0.60%, 0.78%, 0.525%. */
        private static String percent(BigDecimal value) {
            BigDecimal stripped = value.stripTrailingZeros();
            int scale = Math.max(FEN, stripped.scale());
            return value.setScale(scale, RoundingMode.HALF_UP).toPlainString() + "%";
        }
    }

    /**
     * Audits the given transactions against the contracted rate.
     *
     * @param contractedRatePercent the contracted (or promised) rate in percent, 0 ≤ rate ≤ 100, e.g. {@code 0.60}
     * @param lines                 the transactions; may be empty, not {@code null}
     * @return the audit, lines in input order
     * @throws IllegalArgumentException naming the offending field, e.g.
     *                                  {@code transactions[2].feeCharged must not be negative} (indexes from 0)
     */
    public FeeAudit audit(BigDecimal contractedRatePercent, List<Line> lines) {
        validateRate(contractedRatePercent);
        if (lines == null) {
            throw new IllegalArgumentException("transactions must not be null");
        }
        List<AuditedLine> audited = new ArrayList<>(lines.size());
        BigDecimal totalCharged = zero();
        BigDecimal totalExpected = zero();
        BigDecimal totalOvercharge = zero();
        BigDecimal totalUndercharge = zero();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            validateLine(i, line);
            AuditedLine result = auditLine(contractedRatePercent, line);
            audited.add(result);
            totalCharged = totalCharged.add(result.feeCharged());
            totalExpected = totalExpected.add(result.expectedFee());
            totalOvercharge = totalOvercharge.add(result.overcharge());
            totalUndercharge = totalUndercharge.add(result.undercharge());
        }
        return new FeeAudit(contractedRatePercent, audited, totalCharged, totalExpected, totalOvercharge,
                totalUndercharge);
    }

    private static AuditedLine auditLine(BigDecimal ratePercent, Line line) {
        BigDecimal amount = line.amount().setScale(FEN);
        BigDecimal charged = line.feeCharged().setScale(FEN);
        BigDecimal expected = amount.multiply(ratePercent).divide(HUNDRED).setScale(FEN, RoundingMode.HALF_UP);
        BigDecimal difference = charged.subtract(expected);
        BigDecimal overcharge = difference.signum() > 0 ? difference : zero();
        BigDecimal undercharge = difference.signum() < 0 ? difference.negate() : zero();
        BigDecimal effectiveRate = amount.signum() == 0 ? null
                : charged.multiply(HUNDRED).divide(amount, RATE_SCALE, RoundingMode.HALF_UP);
        return new AuditedLine(line.reference(), amount, charged, expected, overcharge, undercharge, effectiveRate);
    }

    private static void validateRate(BigDecimal rate) {
        if (rate == null) {
            throw new IllegalArgumentException("contractedRatePercent must not be null");
        }
        if (rate.signum() < 0 || rate.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException(
                    "contractedRatePercent must be between 0 and 100 (percent), was " + rate.toPlainString());
        }
    }

    private static void validateLine(int index, Line line) {
        String field = "transactions[" + index + "]";
        if (line == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (line.reference() == null || line.reference().isBlank()) {
            throw new IllegalArgumentException(field + ".reference must not be blank");
        }
        validateMoney(field + ".amount", line.amount());
        validateMoney(field + ".feeCharged", line.feeCharged());
    }

    private static void validateMoney(String field, BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException(field + " must not be negative");
        }
        if (value.stripTrailingZeros().scale() > FEN) {
            throw new IllegalArgumentException(
                    field + " must have at most 2 decimal places (fen), was " + value.toPlainString());
        }
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(FEN);
    }
}
