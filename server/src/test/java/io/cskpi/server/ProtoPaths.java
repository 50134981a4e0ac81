package io.cskpi.server;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BiFunction;

/**
 * Changes one field of a request named by the path the API reports it with ("parent",
 * "tenant.name", "customers[0].customer_id").
 */
final class ProtoPaths {

  private ProtoPaths() {}

  /** The message with the field at {@code path} set to {@code value} (a list for a repeated field). */
  static Message set(Message message, String path, Object value) {
    return change(message, path, (builder, field) -> builder.setField(field, value instanceof Integer number
        && field.getJavaType() == FieldDescriptor.JavaType.ENUM
        ? field.getEnumType().findValueByNumberCreatingIfUnknown(number) : value));
  }

  /** The value at {@code path}. */
  static Object get(Message message, String path) {
    Step step = Step.of(message, path);
    Object value = step.index < 0 ? message.getField(step.field) : message.getRepeatedField(step.field, step.index);
    return step.rest == null ? value : get((Message) value, step.rest);
  }

  /** The message with the field at {@code path} cleared. */
  static Message clear(Message message, String path) {
    return change(message, path, Message.Builder::clearField);
  }

  /**
   * The wire bytes of the message with the string at {@code path} replaced by {@code raw} bytes,
   * which need not be UTF-8: what a client in another language can send, and a Java builder cannot
   * build. A later occurrence of a singular field wins, so the bytes are appended.
   */
  static byte[] withRawString(Message message, String path, byte[] raw) {
    Step step = Step.of(message, path);
    Message without = message.toBuilder().clearField(step.field).build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      bytes.write(without.toByteArray());
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      if (step.rest == null) {
        out.writeByteArray(step.field.getNumber(), raw);
      } else if (step.index < 0) {
        out.writeByteArray(step.field.getNumber(), withRawString((Message) message.getField(step.field), step.rest, raw));
      } else {
        for (int i = 0; i < message.getRepeatedFieldCount(step.field); i++) {
          Message item = (Message) message.getRepeatedField(step.field, i);
          out.writeByteArray(step.field.getNumber(),
              i == step.index ? withRawString(item, step.rest, raw) : item.toByteArray());
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static Message change(Message message, String path,
      BiFunction<Message.Builder, FieldDescriptor, Message.Builder> leaf) {
    Step step = Step.of(message, path);
    Message.Builder builder = message.toBuilder();
    if (step.rest == null) {
      return leaf.apply(builder, step.field).build();
    }
    if (step.index < 0) {
      return builder.setField(step.field, change((Message) message.getField(step.field), step.rest, leaf)).build();
    }
    Message item = (Message) message.getRepeatedField(step.field, step.index);
    return builder.setRepeatedField(step.field, step.index, change(item, step.rest, leaf)).build();
  }

  /** The first step of a path: a field, an index when it is "field[i]", and the rest of the path. */
  private record Step(FieldDescriptor field, int index, String rest) {

    static Step of(Message message, String path) {
      int dot = path.indexOf('.');
      String head = dot < 0 ? path : path.substring(0, dot);
      String rest = dot < 0 ? null : path.substring(dot + 1);
      int bracket = head.indexOf('[');
      int index = bracket < 0 ? -1 : Integer.parseInt(head.substring(bracket + 1, head.length() - 1));
      String name = bracket < 0 ? head : head.substring(0, bracket);
      FieldDescriptor field = message.getDescriptorForType().findFieldByName(name);
      if (field == null) {
        throw new IllegalArgumentException("no field " + name + " in " + message.getDescriptorForType().getFullName());
      }
      return new Step(field, index, rest);
    }
  }
}
