// Tunables set through the API (one node per analytic and tunable, with its audit trail).
CREATE CONSTRAINT tunable_setting_key IF NOT EXISTS FOR (t:TunableSetting) REQUIRE t.key IS UNIQUE;
