/**
 * The assessment report: {@link planbot.assess.report.AssessmentReport} gathers what a session decided (from a
 * {@link planbot.assess.ResultsSource}), the template's tip texts and the linked plan tasks' RAG of the day;
 * {@link planbot.assess.report.AssessmentReportWriter} writes it as DOCX, XLSX or JSON, with
 * {@link planbot.assess.report.ScoreChart} (XChart) drawing the score against the target per part across sessions.
 */
package planbot.assess.report;
