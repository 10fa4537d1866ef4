package com.complaintdesk.deadline;

/** What the days of a period are: every calendar day, or working days of the {@link BusinessCalendar}. */
public enum DayUnit { CALENDAR, WORKING }
