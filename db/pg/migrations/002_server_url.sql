-- Where desktops reach the team server, as `switchboard team serve` last announced it (or
-- --public-url behind a proxy): `switchboard team invite` prints it in the join command.
ALTER TABLE workspace ADD COLUMN server_url text;
