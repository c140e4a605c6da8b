// The msiexec analytics (AN0940, AN0445) link an install's processes by host and start time (the
// service and custom-action servers that services.exe or DCOM start): one range per host.
CREATE INDEX process_host_start IF NOT EXISTS FOR (p:Process) ON (p.hostId, p.startTs);
