package io.cskpi.domain.kpi.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomerHistoryTest {

  @ParameterizedTest(name = "x={0} tx={1} T={2} m={3} is rejected")
  @CsvSource({
      "-1, 0, 10, 0", // negative count
      "0, 1, 10, 0", // tx without a repeat purchase
      "2, 0, 10, 5", // repeat purchases at the first purchase
      "2, 11, 10, 5", // last purchase after the calibration end
      "2, -1, 10, 5",
      "0, 0, -1, 0",
      "0, 0, Infinity, 0",
      "2, 5, 10, NaN",
  })
  void inconsistentHistoriesAreRejected(int x, double tx, double T, double mean) {
    assertThatThrownBy(() -> new CustomerHistory(x, tx, T, mean)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void validHistories() {
    assertThat(CustomerHistory.of(0, 0, 0).isRepeatBuyer()).isFalse();
    assertThat(new CustomerHistory(2, 30.43, 38.86, 22.35).isRepeatBuyer()).isTrue();
    assertThat(new CustomerHistory(1, 5, 5, -3).meanRepeatValue()).isEqualTo(-3);
  }
}
