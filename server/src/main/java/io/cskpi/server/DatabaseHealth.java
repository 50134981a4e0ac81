package io.cskpi.server;

import io.cskpi.adapters.mysql.MySqlDatabase;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the database every second whether it answers, and reports each change: the health service
 * says NOT_SERVING while it does not, SERVING again when it does. The pool reconnects by itself,
 * so nothing else is needed for the service to come back. A check waits for a connection at most
 * the pool's timeout ({@code --db-timeout-ms}), so a database that goes away is seen within that
 * and a second.
 */
final class DatabaseHealth implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealth.class);

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "cskpi-db-health");
    thread.setDaemon(true);
    return thread;
  });
  private boolean answering = true;

  /** Starts checking {@code database}, telling {@code report} each change (true: it answers). */
  DatabaseHealth(DataSource database, Consumer<Boolean> report) {
    timer.scheduleWithFixedDelay(() -> {
      boolean answers = MySqlDatabase.answers(database);
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
  }
}
