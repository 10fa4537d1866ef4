package com.complaintdesk.deadline;

/** A period's length: so many calendar or working days (a row of processes/complaint-deadlines.dmn). */
public record PeriodLength(int days, DayUnit unit) {

    public PeriodLength {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        if (unit == null) {
            throw new IllegalArgumentException("unit is required");
        }
    }

    @Override
    public String toString() {
        return days + " " + unit.name().toLowerCase() + " days";
    }
}
