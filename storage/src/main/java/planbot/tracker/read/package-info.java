/**
 * Reading trackers: load the file into a {@link planbot.tracker.read.Table} (encoding, delimiter, XLSX, DOCX,
 * a Word table saved as text), detect its shape from the header (never the file name), and read it with the
 * matching reader into a {@link planbot.tracker.read.ReadResult}. Readers never throw for a bad cell: they record a
 * {@link planbot.tracker.Problem}. A file that is not a tracker at all is a
 * {@link planbot.tracker.read.TrackerFormatException}. Planbot's own exports are read by the rules of
 * {@link planbot.tracker.CouncilLayout}, so that they come back as the plan that was exported.
 */
package planbot.tracker.read;
