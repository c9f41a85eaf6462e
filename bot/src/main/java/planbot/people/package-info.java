/**
 * People in bulk: linking the plan's people (as the tracker names them: "Sue Whiteside", "HoP", "Planning / legal /
 * democratic services") to chat accounts and channels many at a time. {@link planbot.people.PeopleImportService} reads
 * the council's people file ({@code ./planbot people import}); {@link planbot.people.PeopleMatchService} proposes links
 * from a workspace's member list ({@code /plan people match}) through the neutral
 * {@link planbot.platform.Directory} port, found by platform name in {@link planbot.people.Directories}. Both link
 * only names that are the same once normalised ({@link planbot.people.Names}); near misses ("S. Jones" for "Sam
 * Jones") are reported, never linked. Neutral: no chat SDK, no HTTP server.
 */
package planbot.people;
