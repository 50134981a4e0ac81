package io.cskpi.server;

import io.cskpi.adapters.mysql.MySqlDatabase;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the database every second whether it answers, and reports each change: the health service
 * says NOT_SERVING while it does not, SERVING again when it does. The pool reconnects by itself,
 * so nothing else is needed for the service to come back. The check has a connection of its own
 * (a busy pool is no reason to leave the load balancer) and gives up after two seconds, so a
 * database that goes away is seen within three.
 */
final class DatabaseHealth implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealth.class);

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "cskpi-db-health");
    thread.setDaemon(true);
    return thread;
  });
  private boolean answering = true;

  private final MySqlDatabase.Probe probe;

  /** Starts checking the database of {@code pool}, telling {@code report} each change (true: it answers). */
  DatabaseHealth(HikariDataSource pool, Consumer<Boolean> report) {
    probe = new MySqlDatabase.Probe(pool);
    timer.scheduleWithFixedDelay(() -> {
      boolean answers = probe.answers();
      if (answers != answering) {
        answering = answers;
        if (answers) {
          LOG.info("the database answers again: health SERVING");
        } else {
          LOG.warn("the database does not answer: health NOT_SERVING, calls fail UNAVAILABLE");
        }
        report.accept(answers);
      }
    }, 1, 1, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    probe.close();
  }
}
