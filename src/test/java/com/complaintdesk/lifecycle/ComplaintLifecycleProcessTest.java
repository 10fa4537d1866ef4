package com.complaintdesk.lifecycle;

import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every process test of complaint-lifecycle and the processes it calls (settlement-execution, legal-proceedings,
 * regulator-referral), stage by stage, as one coverage suite: the stages' tests run here as
 * nested classes on one engine, and when the last has run the flow nodes and sequence flows they passed together must
 * be at least 90% of the model. The report (the model with the covered paths marked, per test and for the suite) is
 * written to target/process-test-coverage/.
 *
 * <p>Run this class, not a single stage: the threshold is for the lifecycle as a whole.
 */
class ComplaintLifecycleProcessTest {

    static final double MINIMUM_COVERAGE = 0.9;

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension.builder(LifecycleProcessTest.ENGINE_CONFIGURATION)
            .assertClassCoverageAtLeast(MINIMUM_COVERAGE)
            .build();

    @Nested
    class TriageAndEvidence extends TriageAndEvidenceTest {
    }

    @Nested
    class DepartmentPaths extends DepartmentPathsTest {
    }

    @Nested
    class ApprovalAndNegotiation extends ApprovalAndNegotiationTest {
    }

    @Nested
    class DeadlineTimers extends DeadlineTimersTest {
    }

    @Nested
    class LegalPath extends LegalPathTest {
    }

    @Nested
    class RegulatorReferral extends RegulatorReferralTest {
    }
}
