/**
 * Writing plans out: {@link planbot.tracker.write.PlanExporter} writes a {@link planbot.domain.Plan} as CSV
 * or XLSX in the council's own layout (so a council gets its own spreadsheet back and planbot can import it
 * again into an equal plan) or as JSON (planbot's own lossless format, read back by
 * {@link planbot.tracker.write.PlanJson}). The council layout's rules, which the readers in
 * {@code planbot.tracker.read} honour for the round trip, are written down once, in
 * {@link planbot.tracker.CouncilLayout}, with the cell rules both sides share ({@link planbot.tracker.FormulaGuard},
 * {@link planbot.tracker.Markup}, {@link planbot.tracker.Timescales}).
 */
package planbot.tracker.write;
