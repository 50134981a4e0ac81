package io.cskpi.application;

import java.util.function.Supplier;

/**
 * The call a thread is serving, as much as an outbound adapter needs of it: whether it is over
 * (the client cancelled it or its deadline passed), and a hook for when it ends early. The inbound
 * adapter runs each call's work in {@link #run}; an outbound adapter starts no work for a call that
 * is over and stops what it runs when the call ends. Plain Java, so that neither adapter knows the
 * other's framework.
 */
public final class CallScope {

  /** One call, as its inbound adapter sees it. */
  public interface Call {

    boolean isOver();

    /**
     * Runs {@code action} once if the call ends early (at once when it already has), on the thread
     * that ends it: the action must not block. Closing the result drops it.
     */
    Registration whenOver(Runnable action);
  }

  /** A hook that can be dropped. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /** Work refused or stopped because its call is over: nobody waits for its result any more. */
  public static final class OverException extends RuntimeException {
    public OverException() {
      super("the call is over (cancelled or past its deadline): its work is stopped", null, false, false);
    }
  }

  /** Outside any call (import command, tests): never over. */
  private static final Call NONE = new Call() {
    @Override
    public boolean isOver() {
      return false;
    }

    @Override
    public Registration whenOver(Runnable action) {
      return () -> { };
    }
  };

  private static final ThreadLocal<Call> CURRENT = ThreadLocal.withInitial(() -> NONE);

  private CallScope() {}

  /** Runs {@code work} on this thread as part of {@code call}. */
  public static <T> T run(Call call, Supplier<T> work) {
    Call outer = CURRENT.get();
    CURRENT.set(call);
    try {
      return work.get();
    } finally {
      CURRENT.set(outer);
    }
  }

  /**
   * Runs {@code work} outside any call: bookkeeping that must be done even when the call it
   * belongs to is over (a request's claim released or completed).
   */
  public static <T> T detached(Supplier<T> work) {
    return run(NONE, work);
  }

  /** The call this thread serves; one that is never over outside {@link #run}. */
  public static Call current() {
    return CURRENT.get();
  }
}
