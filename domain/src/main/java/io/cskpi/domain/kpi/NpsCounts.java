package io.cskpi.domain.kpi;

import java.util.Arrays;
import java.util.Objects;

/**
 * How many responses gave each score of the 0-10 NPS question.
 *
 * @param byScore 11 non-negative counts, index = score 0..10; copied in and out
 */
public record NpsCounts(long[] byScore) {

  public static final int MIN_SCORE = 0;
  public static final int MAX_SCORE = 10;
  private static final int SCORES = MAX_SCORE - MIN_SCORE + 1;
  /** Promoters answer 9-10. */
  public static final int PROMOTER_FROM = 9;
  /** Passives answer 7-8; detractors 0-6. */
  public static final int PASSIVE_FROM = 7;

  public NpsCounts {
    Objects.requireNonNull(byScore, "byScore");
    if (byScore.length != SCORES) {
      throw new IllegalArgumentException(
          "need " + SCORES + " counts (scores 0..10), got " + byScore.length);
    }
    for (int score = 0; score < SCORES; score++) {
      if (byScore[score] < 0) {
        throw new IllegalArgumentException(
            "count of score " + score + " is negative: " + byScore[score]);
      }
    }
    byScore = byScore.clone();
  }

  /** Counts individual responses; each score must be an integer 0..10. */
  public static NpsCounts of(int... scores) {
    long[] counts = new long[SCORES];
    for (int score : scores) {
      if (score < MIN_SCORE || score > MAX_SCORE) {
        throw new IllegalArgumentException("NPS score " + score + " is outside 0..10");
      }
      counts[score]++;
    }
    return new NpsCounts(counts);
  }

  /** A copy of the counts: the record stays immutable. */
  @Override
  public long[] byScore() {
    return byScore.clone();
  }

  public long count(int score) {
    if (score < MIN_SCORE || score > MAX_SCORE) {
      throw new IllegalArgumentException("NPS score " + score + " is outside 0..10");
    }
    return byScore[score];
  }

  public long responses() {
    return sum(MIN_SCORE, MAX_SCORE);
  }

  /** Scores 9-10. */
  public long promoters() {
    return sum(PROMOTER_FROM, MAX_SCORE);
  }

  /** Scores 7-8. */
  public long passives() {
    return sum(PASSIVE_FROM, PROMOTER_FROM - 1);
  }

  /** Scores 0-6. */
  public long detractors() {
    return sum(MIN_SCORE, PASSIVE_FROM - 1);
  }

  private long sum(int fromScore, int toScore) {
    long total = 0;
    for (int score = fromScore; score <= toScore; score++) {
      total = Math.addExact(total, byScore[score]);
    }
    return total;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NpsCounts that && Arrays.equals(byScore, that.byScore);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(byScore);
  }

  @Override
  public String toString() {
    return "NpsCounts[byScore=" + Arrays.toString(byScore) + "]";
  }
}
