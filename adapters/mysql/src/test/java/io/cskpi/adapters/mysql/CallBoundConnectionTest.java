package io.cskpi.adapters.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cskpi.application.CallScope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The store's work for a call: none once the call is over, and what runs stopped when it ends. */
class CallBoundConnectionTest {

  private final Jdbc jdbc = new Jdbc(TestDatabase.dataSource());

  @Test
  void nothingStartsForACallThatIsOver() {
    EndableCall call = new EndableCall();
    call.end();

    Throwable failure = catchThrowable(() -> CallScope.run(call, () -> jdbc.read(this::sleep)));

    assertThat(failure).isInstanceOf(CallScope.OverException.class);
  }

  @Test
  void aCallThatEndsStopsItsRunningStatement() {
    EndableCall call = new EndableCall();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    timer.schedule(call::end, 300, TimeUnit.MILLISECONDS);
    long started = System.nanoTime();

    Throwable failure = catchThrowable(() -> CallScope.run(call, () -> jdbc.read(this::sleep)));

    assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(5));
    assertThat(failure).isInstanceOf(CallScope.OverException.class);
    timer.shutdownNow();
  }

  private Integer sleep(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT SLEEP(30)")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** A call ended by the test, as a client's cancel would. */
  private static final class EndableCall implements CallScope.Call {
    private final List<Runnable> actions = new CopyOnWriteArrayList<>();
    private volatile boolean over;

    void end() {
      over = true;
      actions.forEach(Runnable::run);
    }

    @Override
    public boolean isOver() {
      return over;
    }

    @Override
    public CallScope.Registration whenOver(Runnable action) {
      actions.add(action);
      if (over) {
        action.run();
      }
      return () -> actions.remove(action);
    }
  }
}
