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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A unit of work's connection, tied to the call it serves ({@link CallScope}): once the call is
 * over no statement starts, and the statements running when it ends are cancelled (Connector/J
 * sends KILL QUERY on a connection of its own), so the database stops the work too. The
 * cancelling runs on a thread of its own and repeats until nothing runs, so that a statement
 * starting just as the call ends is stopped as well. The work then fails with
 * {@link CallScope.OverException} and its transaction rolls back.
 */
final class CallBoundConnection implements AutoCloseable {

  private static final ExecutorService CANCELLER = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "cskpi-sql-cancel");
    thread.setDaemon(true);
    return thread;
  });

  private final CallScope.Call call = CallScope.current();
  private final List<Statement> statements = new CopyOnWriteArrayList<>();
  private final AtomicInteger running = new AtomicInteger();
  private final Connection connection;
  private final CallScope.Registration registration;

  CallBoundConnection(Connection connection) {
    this.connection = proxy(Connection.class, connection, this::onConnection);
    this.registration = call.whenOver(() -> CANCELLER.execute(this::cancelRunning));
  }

  /** Throws {@link CallScope.OverException} when the call this thread serves is over. */
  static void startIfNotOver() {
    if (CallScope.current().isOver()) {
      throw new CallScope.OverException();
    }
  }

  Connection connection() {
    return connection;
  }

  @Override
  public void close() {
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
          } catch (SQLException e) {
            // closed already, or the database is gone: nothing left to stop there
          }
        }
        TimeUnit.MILLISECONDS.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
