package io.cskpi.domain.kpi;

import io.cskpi.domain.Period;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One customer's lifecycle as an ordered list of events, and the rules of spec section 1 on it.
 * The MySQL adapter computes the same in SQL; this is the reference the contract tests hold it to.
 */
public record Lifecycle(List<Event> events) {

  /** Lifecycle events; the codes are those the store uses. */
  public enum Kind {
    ACQUIRED(1), CHURNED(2), REACTIVATED(3);

    public final int code;

    Kind(int code) {
      this.code = code;
    }

    boolean active() {
      return this != CHURNED;
    }
  }

  /** An event at an instant. Same-instant events are ordered by kind code. */
  public record Event(Instant time, Kind kind) {}

  private static final Comparator<Event> ORDER =
      Comparator.comparing(Event::time).thenComparing(e -> e.kind().code);

  public Lifecycle {
    events = events.stream().sorted(ORDER).toList();
  }

  /** Contractual: acquired at {@code acquired} (none when null), then the pushed events. */
  public static Lifecycle contractual(Instant acquired, List<Event> pushed) {
    List<Event> all = new ArrayList<>(pushed);
    if (acquired != null) {
      all.add(new Event(acquired, Kind.ACQUIRED));
    }
    return new Lifecycle(all);
  }

  /**
   * Non-contractual: acquired at the first purchase; churned {@code days} x 24 h after a purchase
   * that no other purchase follows within that time (a purchase at the churn instant itself is
   * within); reactivated by the next purchase after a churn.
   */
  public static Lifecycle fromPurchases(List<Instant> purchaseTimes, int days) {
    Duration window = Duration.ofDays(days);
    List<Instant> times = purchaseTimes.stream().sorted().toList();
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < times.size(); i++) {
      Instant time = times.get(i);
      if (i == 0) {
        events.add(new Event(time, Kind.ACQUIRED));
      } else if (time.isAfter(times.get(i - 1).plus(window))) {
        events.add(new Event(time, Kind.REACTIVATED));
      }
      Instant churnAt = time.plus(window);
      if (i == times.size() - 1 || times.get(i + 1).isAfter(churnAt)) {
        events.add(new Event(churnAt, Kind.CHURNED));
      }
    }
    return new Lifecycle(events);
  }

  /**
   * Active just before {@code t}: acquired before t, and the latest event strictly before t is
   * not a churn. Events of a customer never acquired make it active at no time.
   */
  public boolean activeJustBefore(Instant t) {
    boolean acquired = acquisition().map(a -> a.isBefore(t)).orElse(false);
    return acquired && lastBefore(t).map(e -> e.kind().active()).orElse(false);
  }

  public Optional<Instant> acquisition() {
    return events.stream().filter(e -> e.kind() == Kind.ACQUIRED).map(Event::time).findFirst();
  }

  /** Whether the customer was acquired during {@code period}. */
  public boolean acquiredIn(Period period) {
    return acquisition().map(period::contains).orElse(false);
  }

  /** Reactivations during {@code period}. */
  public long reactivationsIn(Period period) {
    return events.stream().filter(e -> e.kind() == Kind.REACTIVATED && period.contains(e.time())).count();
  }

  /** (latest churn - acquisition) in seconds, for a customer churned just before {@code t}. */
  public Optional<Long> lifespanSecondsIfChurnedBefore(Instant t) {
    Optional<Event> last = lastBefore(t);
    boolean acquired = acquisition().map(a -> a.isBefore(t)).orElse(false);
    if (!acquired || last.isEmpty() || last.get().kind() != Kind.CHURNED) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(acquisition().get(), last.get().time()).getSeconds());
  }

  private Optional<Event> lastBefore(Instant t) {
    Event last = null;
    for (Event event : events) {
      if (!event.time().isBefore(t)) {
        break;
      }
      last = event;
    }
    return Optional.ofNullable(last);
  }
}
