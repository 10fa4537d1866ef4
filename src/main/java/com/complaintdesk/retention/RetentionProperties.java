package com.complaintdesk.retention;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * complaint-desk.retention: how long a closed complaint is kept (PBoC: at least 3 years after closing; default 5), and
 * when the nightly cleanup runs. The same period is every process and decision definition's history time-to-live.
 */
@Component
@ConfigurationProperties("complaint-desk.retention")
public class RetentionProperties {

    /** Every period in days is counted from this day, so P5Y is always the same number of days (1827). */
    private static final LocalDate REFERENCE = LocalDate.of(2000, 1, 1);

    private Period period = Period.ofYears(5);
    private String cron = "0 30 2 * * *";
    private String engineWindowStart = "01:00";
    private String engineWindowEnd = "05:00";
    private int batchSize = 500;

    public Period getPeriod() { return period; }

    public void setPeriod(Period period) {
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("complaint-desk.retention.period must be positive, e.g. P5Y: " + period);
        }
        this.period = period;
    }

    public String getCron() { return cron; }
    public void setCron(String cron) { this.cron = cron; }
    public String getEngineWindowStart() { return engineWindowStart; }
    public void setEngineWindowStart(String start) { this.engineWindowStart = start; }
    public String getEngineWindowEnd() { return engineWindowEnd; }
    public void setEngineWindowEnd(String end) { this.engineWindowEnd = end; }
    public int getBatchSize() { return batchSize; }
    public void setBatchSize(int batchSize) { this.batchSize = Math.max(1, batchSize); }

    /** The period in whole days: the history time-to-live of every definition. */
    public int days() {
        return (int) ChronoUnit.DAYS.between(REFERENCE, REFERENCE.plus(period));
    }
}
