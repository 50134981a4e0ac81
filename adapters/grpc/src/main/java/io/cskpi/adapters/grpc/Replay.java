package io.cskpi.adapters.grpc;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.cskpi.application.RunOnce;
import io.cskpi.application.port.RequestLog;
import io.cskpi.domain.Identifiers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Supplier;

/**
 * AIP-155 on the Batch methods, in one place: a request with a {@code request_id} runs once and
 * every repeat gets the first response; without one it simply runs. A request is identified by
 * the SHA-256 of its deterministic serialization without the request id (map entries sorted).
 */
final class Replay {

  private final RunOnce runOnce;
  private final RecordCounter counter;

  Replay(RunOnce runOnce, RecordCounter counter) {
    this.runOnce = runOnce;
    this.counter = counter;
  }

  /** {@code work}'s response to {@code request} (with fields parent and request_id), run once per request id. */
  <R extends Message> R once(Message request, Parser<R> responses, Supplier<R> work) {
    Descriptor type = request.getDescriptorForType();
    FieldDescriptor idField = type.findFieldByName("request_id");
    String id = (String) request.getField(idField);
    String method = type.getName().replaceFirst("Request$", "");
    Supplier<R> counted = () -> {
      R response = work.get();
      counter.stored(method, newRecords(response));
      return response;
    };
    if (id.isEmpty()) {
      return counted.get();
    }
    String requestId = Identifiers.requestId("request_id", id);
    var tenant = ResourceNames.tenant("parent", (String) request.getField(type.findFieldByName("parent")));
    byte[] response = runOnce.run(new RequestLog.Key(tenant, method, requestId, 0),
        hash(request.toBuilder().clearField(idField).build()), "request_id", () -> counted.get().toByteArray());
    return parse(responses, response);
  }

  /** The new records a Batch response reports: recorded_count, or created_count for customers. */
  private static int newRecords(Message response) {
    Descriptor type = response.getDescriptorForType();
    FieldDescriptor field = type.findFieldByName("recorded_count");
    return (Integer) response.getField(field != null ? field : type.findFieldByName("created_count"));
  }

  /** SHA-256 of the message's deterministic serialization. */
  static byte[] hash(Message message) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(message.getSerializedSize());
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.useDeterministicSerialization();
      message.writeTo(out);
      out.flush();
      return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A stored response, as this server wrote it. */
  static <R extends Message> R parse(Parser<R> parser, byte[] stored) {
    try {
      return parser.parseFrom(stored);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a stored response does not parse", e);
    }
  }
}
