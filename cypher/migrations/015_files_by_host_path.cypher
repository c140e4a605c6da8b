// Files under a directory on one host (an app bundle or keg moved into place whole, AN0863 /
// AN0864): equality on hostId then a prefix range on path, instead of every file of the host.
CREATE INDEX file_host_path IF NOT EXISTS FOR (f:File) ON (f.hostId, f.path);
