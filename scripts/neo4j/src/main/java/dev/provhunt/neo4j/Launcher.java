package dev.provhunt.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs Neo4j Community embedded with only a Bolt connector, for local development and tests.
 *
 * Arguments: HOME_DIR BOLT_HOST BOLT_PORT. The password comes from the environment
 * (NEO4J_PASSWORD) so it never appears in a process listing. Prints one line
 * "PROVHUNT_NEO4J_READY bolt://host:port" once Bolt is bound, and shuts down cleanly on
 * SIGTERM or when standard input closes (the parent process died).
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: Launcher HOME_DIR BOLT_HOST BOLT_PORT");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        String host = args[1];
        int port = Integer.parseInt(args[2]);
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            System.err.println("NEO4J_PASSWORD must be set and at least 8 characters long");
            System.exit(2);
        }
        Files.createDirectories(home);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes())
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .setConfig(GraphDatabaseSettings.transaction_timeout, java.time.Duration.ofMinutes(5))
                // A growing graph changes its statistics all the time; re-planning a long detection
                // query costs seconds, so plans live at least this long (default 10 s).
                .setConfig(GraphDatabaseSettings.cypher_min_replan_interval, java.time.Duration.ofMinutes(5))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));

        try {
            setPassword(dbms, password);
        } catch (RuntimeException e) {
            System.err.println("provhunt launcher: could not set the neo4j password: " + e.getMessage());
            dbms.shutdown();
            System.exit(1);
        }
        System.out.println("PROVHUNT_NEO4J_READY bolt://" + host + ":" + port);
        System.out.flush();

        exitWhenStdinCloses();
    }

    /**
     * Sets the password from the environment at every start (so rotating NEO4J_PASSWORD works) and
     * clears the forced change of the initial password. Neo4j refuses to "change" a password to
     * itself; that case means it is already set.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
        }
    }

    private static long pageCacheBytes() {
        String mb = System.getenv().getOrDefault("NEO4J_PAGECACHE_MB", "512");
        return Long.parseLong(mb) * 1024L * 1024L;
    }

    private static void exitWhenStdinCloses() throws IOException {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // Input is ignored; the stream exists only to notice the parent's exit.
        }
        System.exit(0);
    }
}
