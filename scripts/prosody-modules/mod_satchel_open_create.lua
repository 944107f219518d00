-- Test servers only: lets any account of the parent host create nodes on this pubsub
-- component, as ejabberd does by default. Prosody 0.12's mod_pubsub lets only server admins
-- create nodes (XEP-0060 section 8.1 leaves the access policy to the service), and the
-- Satchel rig registers fresh accounts per test.
local jid_host = require "util.jid".host;

local parent_host = module:get_option_string("satchel_open_create_host",
	(module.host:gsub("^pubsub%.", "")));
local service = module:depends("pubsub").service;
local get_affiliation = service.config.get_affiliation;

service.config.get_affiliation = function (jid, node, action)
	local affiliation = get_affiliation(jid, node, action);
	if affiliation then return affiliation; end
	-- Only the create action: the creator then owns the node through its own affiliation.
	if action == "create" and jid_host(jid) == parent_host then
		return "owner";
	end
end

module:log("info", "Any account of %s may create nodes here", parent_host);
