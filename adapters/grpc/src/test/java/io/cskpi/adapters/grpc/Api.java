package io.cskpi.adapters.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.type.Date;
import com.google.type.Interval;
import io.cskpi.proto.v1.CalendarPeriod;
import io.cskpi.proto.v1.CalendarUnit;
import io.cskpi.proto.v1.Customer;
import io.cskpi.proto.v1.Money;
import io.cskpi.proto.v1.Period;
import io.cskpi.proto.v1.Purchase;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Small builders for API tests, and readers of the error details. */
final class Api {

  private Api() {}

  static Timestamp ts(String instant) {
    Instant i = Instant.parse(instant);
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }

  static Customer customer(String id, String acquired) {
    Customer.Builder customer = Customer.newBuilder().setCustomerId(id);
    if (acquired != null) {
      customer.setAcquireTime(ts(acquired));
    }
    return customer.build();
  }

  static Purchase purchase(String order, String customer, String time, String amount) {
    return Purchase.newBuilder().setOrderId(order).setCustomerId(customer).setPurchaseTime(ts(time))
        .setAmount(Money.newBuilder().setCurrencyCode("USD").setAmount(amount)).build();
  }

  static Period interval(String start, String end) {
    return Period.newBuilder().setInterval(Interval.newBuilder().setStartTime(ts(start)).setEndTime(ts(end))).build();
  }

  static Period calendar(CalendarUnit unit, String date, String zone) {
    LocalDate d = LocalDate.parse(date);
    return Period.newBuilder().setCalendar(CalendarPeriod.newBuilder().setUnit(unit)
        .setDate(Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()))
        .setTimeZone(zone)).build();
  }

  static Status.Code code(StatusRuntimeException e) {
    return e.getStatus().getCode();
  }

  static String reason(StatusRuntimeException e) {
    return details(e, ErrorInfo.class).stream().map(ErrorInfo::getReason).findFirst().orElse("");
  }

  static List<String> fields(StatusRuntimeException e) {
    return details(e, BadRequest.class).stream().flatMap(b -> b.getFieldViolationsList().stream())
        .map(BadRequest.FieldViolation::getField).toList();
  }

  private static <T extends com.google.protobuf.Message> List<T> details(StatusRuntimeException e, Class<T> type) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    if (status == null) {
      return List.of();
    }
    return status.getDetailsList().stream().filter(any -> any.is(type)).map(any -> {
      try {
        return any.unpack(type);
      } catch (InvalidProtocolBufferException x) {
        throw new IllegalStateException(x);
      }
    }).toList();
  }
}
