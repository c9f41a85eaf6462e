-- planbot schema, version 10: a person's email address, and the channel an owner that is a team or a role is reached in.
-- email comes from `people import` (the council's list of who is who): `people match` proposes the chat account with
-- that address. channel_platform/channel_address: an owner such as "Planning / legal / democratic services" or "HoP"
-- linked to a channel (`people link "…" #planning-legal`) gets its reminders there, named; both NULL when not linked.
ALTER TABLE person ADD COLUMN email TEXT;
ALTER TABLE person ADD COLUMN channel_platform TEXT;
ALTER TABLE person ADD COLUMN channel_address TEXT;
