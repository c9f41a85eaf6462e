/**
 * Trackers in and out: {@code read} turns a council's spreadsheet (CSV, TSV, XLSX; the review tracker, the
 * activity plan, or any table with a header row) into a {@link planbot.domain.Plan} plus the cells it could
 * not read; {@code write} exports a plan in the council's own layout or as JSON; {@link
 * planbot.tracker.ImportService} merges a read plan into the database in one transaction.
 *
 * <p>What both sides must agree on for export → import to give the same plan lives here, once: the council
 * layout's contract and column tables ({@link planbot.tracker.CouncilLayout}) and the cell rules
 * ({@link planbot.tracker.FormulaGuard}, {@link planbot.tracker.Markup}, {@link planbot.tracker.DateCells},
 * {@link planbot.tracker.Timescales}), so that neither {@code read} nor {@code write} depends on the other.
 */
package planbot.tracker;
