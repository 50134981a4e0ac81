package io.cskpi.adapters.mysql;

import io.cskpi.application.CallScope;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A unit of work's connection, tied to the call it serves ({@link CallScope}): once the call is
 * over no statement starts, and the statements running when it ends are cancelled (Connector/J
 * sends KILL QUERY on a connection of its own), so the database stops the work too. The
 * cancelling runs on a thread of its own and repeats until nothing runs, so that a statement
 * starting just as the call ends is stopped as well. Work still unfinished {@value
 * #ABORT_AFTER_SECONDS} s after the end (on a database that no longer answers, not even the KILL,
 * a statement or a commit waits for an answer) has its connection aborted, which the pool then
 * drops, and the database rolls back. The work fails with {@link CallScope.OverException} and
 * its transaction rolls back.
 */
final class CallBoundConnection implements AutoCloseable {

  static final int ABORT_AFTER_SECONDS = 2;
  private static final ExecutorService CANCELLER = Executors.newCachedThreadPool(daemon("cskpi-sql-cancel"));
  private static final ScheduledExecutorService ABORTER =
      Executors.newSingleThreadScheduledExecutor(daemon("cskpi-sql-abort"));

  private final CallScope.Call call = CallScope.current();
  private final List<Statement> statements = new CopyOnWriteArrayList<>();
  private final AtomicInteger running = new AtomicInteger();
  private final Connection target;
  private final Connection connection;
  private final CallScope.Registration registration;
  private boolean closed;

  CallBoundConnection(Connection target) {
    this.target = target;
    this.connection = proxy(Connection.class, target, this::onConnection);
    this.registration = call.whenOver(() -> {
      CANCELLER.execute(this::cancelRunning);
      ABORTER.schedule(this::abortIfUnfinished, ABORT_AFTER_SECONDS, TimeUnit.SECONDS);
    });
  }

  /** Throws {@link CallScope.OverException} when the call this thread serves is over. */
  static void failIfOver() {
    if (CallScope.current().isOver()) {
      throw new CallScope.OverException();
    }
  }

  Connection connection() {
    return connection;
  }

  @Override
  public synchronized void close() {
    closed = true;
    registration.close();
  }

  private Object onConnection(Connection target, Method method, Object[] args) throws Throwable {
    Object result = invoke(target, method, args);
    if (result instanceof Statement statement && method.getReturnType().isInterface()) {
      statements.add(statement);
      return proxy(method.getReturnType(), statement, this::onStatement);
    }
    return result;
  }

  private Object onStatement(Statement target, Method method, Object[] args) throws Throwable {
    if (!method.getName().startsWith("execute")) {
      return invoke(target, method, args);
    }
    running.incrementAndGet();
    try {
      if (call.isOver()) {
        throw new CallScope.OverException();
      }
      return invoke(target, method, args);
    } catch (SQLException e) {
      if (call.isOver()) {
        throw new CallScope.OverException();
      }
      throw e;
    } finally {
      running.decrementAndGet();
    }
  }

  private void cancelRunning() {
    try {
      while (running.get() > 0) {
        for (Statement statement : statements) {
          try {
            statement.cancel();
          } catch (SQLException | RuntimeException e) {
            // closed already, or the database is gone: nothing left to stop there
          }
        }
        TimeUnit.MILLISECONDS.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes the connection's socket under work the database does not stop. */
  private synchronized void abortIfUnfinished() {
    if (!closed) {
      try {
        target.abort(Runnable::run);
      } catch (SQLException | RuntimeException e) {
        // nothing more to do: the socket timeout still ends the statement
      }
    }
  }

  private static ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  private interface Handler<T> {
    Object handle(T target, Method method, Object[] args) throws Throwable;
  }

  private static <T> T proxy(Class<?> type, T target, Handler<T> handler) {
    InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
    @SuppressWarnings("unchecked")
    T proxy = (T) Proxy.newProxyInstance(CallBoundConnection.class.getClassLoader(), new Class<?>[] {type},
        invocation);
    return proxy;
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
