package io.cskpi.adapters.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.WireFormat;
import io.cskpi.domain.errors.CskpiException;
import io.grpc.BindableService;
import io.grpc.ForwardingServerCall;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses each request in the service rather than in grpc-java, so that bytes that are no valid
 * request (a string that is not UTF-8, a cut message) are INVALID_ARGUMENT naming the field, like
 * any other bad field, instead of grpc-java's UNKNOWN "Application error processing RPC".
 */
final class RequestParsing {

  /** Request bytes as they came. */
  static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  private RequestParsing() {}

  /** The service with each method taking the request's bytes and parsing them itself. */
  static BindableService parsedHere(BindableService service) {
    ServerServiceDefinition definition = service.bindService();
    ServiceDescriptor original = definition.getServiceDescriptor();
    ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(original.getName())
        .setSchemaDescriptor(original.getSchemaDescriptor());
    var methods = definition.getMethods().stream().map(RequestParsing::parsedHere).toList();
    methods.forEach(method -> descriptor.addMethod(method.getMethodDescriptor()));
    ServerServiceDefinition.Builder parsed = ServerServiceDefinition.builder(descriptor.build());
    methods.forEach(parsed::addMethod);
    ServerServiceDefinition result = parsed.build();
    return () -> result;
  }

  private static <Q, R> ServerMethodDefinition<byte[], R> parsedHere(ServerMethodDefinition<Q, R> definition) {
    MethodDescriptor<Q, R> method = definition.getMethodDescriptor();
    ServerCallHandler<Q, R> handler = definition.getServerCallHandler();
    return ServerMethodDefinition.create(method.toBuilder(BYTES, method.getResponseMarshaller()).build(),
        (call, headers) -> listener(method, call, handler.startCall(typed(method, call), headers)));
  }

  /** The call as the handler expects it: the same call, of the request type. */
  private static <Q, R> ServerCall<Q, R> typed(MethodDescriptor<Q, R> method, ServerCall<byte[], R> call) {
    return new ForwardingServerCall<>() {
      @Override
      @SuppressWarnings("unchecked")
      protected ServerCall<Q, R> delegate() {
        return (ServerCall<Q, R>) (ServerCall<?, R>) call; // only its request type differs, never used
      }

      @Override
      public MethodDescriptor<Q, R> getMethodDescriptor() {
        return method;
      }
    };
  }

  private static <Q, R> ServerCall.Listener<byte[]> listener(MethodDescriptor<Q, R> method, ServerCall<byte[], R> call,
      ServerCall.Listener<Q> handler) {
    return new ServerCall.Listener<>() {
      private boolean refused;

      @Override
      public void onMessage(byte[] bytes) {
        if (refused) {
          return; // a stream's later messages, after one was refused and the call closed
        }
        Q request;
        try {
          request = method.parseRequest(new ByteArrayInputStream(bytes));
        } catch (RuntimeException e) {
          refused = true;
          StatusRuntimeException status = GrpcErrors.toStatus(invalid(method, bytes));
          call.close(status.getStatus(), status.getTrailers());
          return;
        }
        handler.onMessage(request);
      }

      @Override
      public void onHalfClose() {
        if (!refused) {
          handler.onHalfClose();
        }
      }

      @Override
      public void onCancel() {
        handler.onCancel();
      }

      @Override
      public void onComplete() {
        handler.onComplete();
      }

      @Override
      public void onReady() {
        handler.onReady();
      }
    };
  }

  /** Why the bytes are no request: the field whose string is not UTF-8, or the whole request. */
  static CskpiException invalid(MethodDescriptor<?, ?> method, byte[] bytes) {
    Descriptor type = ((ProtoMethodDescriptorSupplier) method.getSchemaDescriptor()).getMethodDescriptor()
        .getInputType();
    try {
      String field = notUtf8(type, ByteString.copyFrom(bytes), "");
      if (field != null) {
        return CskpiException.invalid(field, "is not valid UTF-8");
      }
    } catch (IOException e) {
      // not even the wire format: the request as a whole is refused
    }
    return new CskpiException(CskpiException.Kind.INVALID_ARGUMENT, "INVALID_REQUEST",
        "the request is not a valid " + type.getFullName() + " message", List.of());
  }

  /** The path of the first string that is not UTF-8 ("customers[0].customer_id"), or null. */
  private static String notUtf8(Descriptor type, ByteString bytes, String prefix) throws IOException {
    CodedInputStream in = bytes.newCodedInput();
    Map<Integer, Integer> seen = new HashMap<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      FieldDescriptor field = type.findFieldByNumber(WireFormat.getTagFieldNumber(tag));
      boolean string = field != null && field.getType() == FieldDescriptor.Type.STRING;
      boolean message = field != null && field.getType() == FieldDescriptor.Type.MESSAGE;
      if (!(string || message) || WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        in.skipField(tag);
        continue;
      }
      ByteString value = in.readBytes();
      int index = seen.merge(field.getNumber(), 1, Integer::sum) - 1;
      String path = prefix + field.getName() + (field.isRepeated() && !field.isMapField() ? "[" + index + "]" : "");
      String found = string ? (value.isValidUtf8() ? null : path) : notUtf8(field.getMessageType(), value, path + ".");
      if (found != null) {
        return field.isMapField() ? path : found;
      }
    }
    return null;
  }
}
