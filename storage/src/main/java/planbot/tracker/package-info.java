/**
 * Trackers in and out: {@code read} turns a council's spreadsheet (CSV, TSV, XLSX; the review tracker, the
 * activity plan, or any table with a header row) into a {@link planbot.domain.Plan} plus the cells it could
 * not read; {@code write} exports a plan in the council's own layout or as JSON; {@link
 * planbot.tracker.ImportService} merges a read plan into the database in one transaction.
 */
package planbot.tracker;
