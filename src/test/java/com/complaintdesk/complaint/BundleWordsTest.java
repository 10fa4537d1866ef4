package com.complaintdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Texts built from the message bundles read exactly as the Java literals they replaced (the timeline keeps them,
 * tests and people compare them): Chinese first, English beside, arguments in both and numbers as given.
 */
class BundleWordsTest {

    @Test
    void recordedTextsReadAsBeforeTheyMovedToTheBundles() {
        assertThat(BundleWords.both("evidence.record.requested", "2"))
                .isEqualTo("请提供证据（第2轮）：交易记录、故障照片等 Evidence requested (round 2): transaction records, fault photos, contracts");
        assertThat(BundleWords.both("evidence.record.reminded", "1")).isEqualTo("已提醒投诉人提供证据（第1轮） Evidence reminder sent (round 1)");
        assertThat(BundleWords.both("triage.record.assigned", "客户服务部") + "（" + BundleWords.both("triage.record.priority", "高 High") + "）")
                .isEqualTo("已分派 Assigned to 客户服务部（优先级 priority 高 High）");
        assertThat(BundleWords.both("deadline.record.extended", "15", "2026-01-05", "2026-01-26", "more tests"))
                .isEqualTo("决定期限延长 Decision deadline extended by 15 days, from 2026-01-05 to 2026-01-26: more tests");
        assertThat(BundleWords.both("feeAudit.record.computed", "1234.50") + " (" + BundleWords.both("feeAudit.record.noRate") + ")")
                .isEqualTo("手续费审计 Fee audit: refund due ¥1234.50 (未提供签约费率 no contracted rate given: audit by hand)");
        assertThat(BundleWords.both("offer.amount.noPaymentWorth", "1200.00")).isEqualTo("不涉及付款，价值 ¥1200.00 No payment, worth ¥1200.00");
        assertThat(BundleWords.both("login.tooManyFailed", "1800"))
                .isEqualTo("登录失败次数过多，请 1800 秒后再试 Too many failed logins from this address; try again in 1800 seconds");
        assertThat(BundleWords.both("report.onlyGroups", "[complaint-managers]"))
                .isEqualTo("报表仅限 [complaint-managers] Reports are for [complaint-managers] only");
    }

    @Test
    void anArgumentIsTakenAsWrittenAndAKeyNotInTheBundlesIsAnError() {
        assertThat(BundleWords.both("legalHold.record.placed", "court's order {0}")).isEqualTo("法律保全：保留记录 Legal hold placed: court's order {0}");
        assertThat(BundleWords.en("report.yes")).isEqualTo("Yes");
        assertThat(BundleWords.zh("report.no")).isEqualTo("否");
        assertThatThrownBy(() -> BundleWords.both("no.such.key")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no.such.key");
    }
}
