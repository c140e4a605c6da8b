// Tunable values set through the API, by analytic: layered over the tuning file and defaults.
MATCH (t:TunableSetting)
RETURN t.analytic AS analytic, t.name AS name, t.valueJson AS valueJson, t.updatedAt AS updatedAt, t.updatedBy AS updatedBy
