/**
 * Working days: weekends, UK bank holidays shipped as data ({@code bank-holidays/*.csv}, one file per
 * region) and a tenant's own closure days. All working-day arithmetic is closed-form over weekdays plus a
 * binary search over the sorted holidays, so it costs the same for a date next week or ten years back.
 */
package planbot.scheduler.calendar;
